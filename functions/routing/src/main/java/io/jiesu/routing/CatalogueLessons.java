package io.jiesu.routing;

import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The catalogue as lessons: each matter's name and keywords are a short ticket that belongs to its lead unit. They
 * carry the classification tree's words into the model (a unit with few dispatches still has its matters' words),
 * and the dispatches then weigh them against what citizens actually write.
 */
public final class CatalogueLessons {
    private CatalogueLessons() {
    }

    /**
     * @param units  the units to teach about (those the history knows: the model should not propose a unit no
     *               ticket ever went to on the strength of a keyword alone)
     * @param weight each matter's weight, as a lesson's
     */
    public static List<RoutingExample> of(RoutingCatalogue catalogue, Collection<String> units, double weight) {
        List<RoutingExample> out = new ArrayList<>();
        for (Matter m : catalogue.matters()) {
            if (m.leadUnit() == null || !units.contains(m.leadUnit())) {
                continue;
            }
            StringBuilder text = new StringBuilder(m.name() == null ? "" : m.name());
            m.keywords().forEach(k -> text.append('，').append(k));
            out.add(new RoutingExample(TicketText.of(text.toString()), m.leadUnit(), weight));
        }
        return out;
    }
}
