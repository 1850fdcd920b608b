package io.jiesu.core.catalogue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A catalogue only names units it lists; the demo catalogue loads whole. */
class CatalogueConstructionTest {

    private static final List<HandlingUnit> UNITS = List.of(
            new HandlingUnit("heating-company", "区热力集团"), new HandlingUnit("housing-bureau", "区住房和城乡建设委员会"));

    @Test
    void theDemoCatalogueListsItsTenUnitsAndSixMatters() {
        RoutingCatalogue demo = RoutingCatalogue.demo();

        assertEquals(10, demo.units().size());
        assertEquals(6, demo.matters().size());
        assertEquals("区热力集团", demo.unit("heating-company").orElseThrow().name());
        assertTrue(demo.unit("no-such-unit").isEmpty());
    }

    @Test
    void aCatalogueWhoseMattersNameOnlyListedUnitsIsAccepted() {
        RoutingCatalogue c = new RoutingCatalogue(UNITS, List.of(new Matter("heating-not-warm", "供暖温度不达标", "供暖",
                "heating-company", List.of("housing-bureau"), List.of("暖气"))));

        assertEquals("heating-company", c.route(null, "暖气", List.of()).orElseThrow().leadUnit());
    }

    @Test
    void aMatterLedByAnUnknownUnitIsRejectedAtConstruction() {
        List<Matter> matters = List.of(new Matter("heating-not-warm", "供暖温度不达标", "供暖",
                "ghost-unit", List.of("housing-bureau"), List.of("暖气")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RoutingCatalogue(UNITS, matters));
        assertTrue(e.getMessage().contains("heating-not-warm"), e.getMessage());
    }

    @Test
    void aMatterWithAnUnknownCoUnitIsRejectedAtConstruction() {
        List<Matter> matters = List.of(new Matter("heating-not-warm", "供暖温度不达标", "供暖",
                "heating-company", List.of("housing-bureau", "ghost-unit"), List.of("暖气")));

        assertThrows(IllegalArgumentException.class, () -> new RoutingCatalogue(UNITS, matters));
    }

    @Test
    void aCatalogueFileNamingAnUnknownUnitIsRejectedWhenParsed() {
        String json = """
                {"units": [{"id": "heating-company", "name": "区热力集团"}],
                 "matters": [{"code": "heating-not-warm", "name": "供暖温度不达标", "group": "供暖",
                              "leadUnit": "ghost-unit", "coUnits": [], "keywords": ["暖气"]}]}
                """;

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> RoutingCatalogue.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("names a unit that is not in the unit list"), e.getMessage());
    }
}
