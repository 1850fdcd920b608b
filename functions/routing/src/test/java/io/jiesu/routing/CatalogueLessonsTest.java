package io.jiesu.routing;

import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogueLessonsTest {
    private static final RoutingCatalogue CATALOGUE = new RoutingCatalogue(
            List.of(new HandlingUnit("heating-company", "热力公司", null), new HandlingUnit("water-company", "自来水公司", null),
                    new HandlingUnit("parks-bureau", "园林局", null), new HandlingUnit("housing-bureau", "住建局", null)),
            List.of(new Matter("heating", "供暖问题", "城乡建设", "heating-company", List.of("housing-bureau"),
                            List.of("暖气", "供暖", "室温", " ")),
                    new Matter("water", "供水", "城乡建设", "water-company", List.of(), List.of("停水", "水压")),
                    new Matter("trees", "绿化", "城乡建设", "parks-bureau", List.of(), List.of("树木"))));

    @Test
    void eachKeywordOfAKnownUnitsMatterIsALessonOfItsOwnAndTheNameIsNone() {
        List<RoutingExample> lessons = CatalogueLessons.of(CATALOGUE, Set.of("heating-company", "water-company"), 1.5);

        assertEquals(List.of("暖气", "供暖", "室温", "停水", "水压"), lessons.stream().map(l -> l.ticket().text()).toList(),
                "one lesson per keyword, blank ones left out; no lesson of a unit no ticket went to");
        assertEquals(List.of("heating-company", "heating-company", "heating-company", "water-company", "water-company"),
                lessons.stream().map(RoutingExample::unit).toList(), "each belongs to its matter's lead unit");
        assertEquals(Set.of(1.5), Set.copyOf(lessons.stream().map(RoutingExample::weight).toList()));
    }
}
