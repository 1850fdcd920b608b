package io.jiesu.routing;

import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The catalogue as lessons: each keyword of a matter is a short ticket of its own that belongs to the matter's lead
 * unit. They carry the classification tree's words into the model (a unit with few dispatches still has its
 * matters' words), and the dispatches then weigh them against what citizens actually write. One lesson per keyword,
 * not one per matter: a matter's keywords joined into one text are scaled to unit length together, so each keyword
 * taught almost nothing (accuracy 0.809 against 0.861 on the development set; docs/decisions/0005-learned-router.md,
 * seventh round). A matter's name is no lesson: the keywords are what it is matched on, and a name such as 其他 says
 * nothing of a unit.
 */
public final class CatalogueLessons {
    private CatalogueLessons() {
    }

    /**
     * @param units  the units to teach about (those the history knows: the model should not propose a unit no
     *               ticket ever went to on the strength of a keyword alone)
     * @param weight each keyword's weight, as a lesson's
     */
    public static List<RoutingExample> of(RoutingCatalogue catalogue, Collection<String> units, double weight) {
        List<RoutingExample> out = new ArrayList<>();
        for (Matter m : catalogue.matters()) {
            if (m.leadUnit() == null || !units.contains(m.leadUnit())) {
                continue;
            }
            for (String keyword : m.keywords()) {
                if (!keyword.isBlank()) {
                    out.add(new RoutingExample(TicketText.of(keyword), m.leadUnit(), weight));
                }
            }
        }
        return out;
    }
}
