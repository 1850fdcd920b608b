package io.jiesu.core.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A matter the channel named (its catalogue code) routes to that matter's lead and co-units. */
class NamedMatterRoutingTest {

    private final RoutingCatalogue demo = RoutingCatalogue.demo();

    @Test
    void aNamedMatterRoutesToItsLeadAndCoUnits() {
        assertEquals(Optional.of(new Route("construction-noise", "urban-management",
                        List.of("ecology-bureau", "housing-bureau"))),
                demo.route("construction-noise", "", List.of()));
    }

    @Test
    void aNamedMatterWinsOverTheKeywordsOfTheText() {
        // the text speaks only of heating, but the channel named the water matter
        assertEquals(Optional.of(new Route("water-outage", "water-authority", List.of("street-office-east"))),
                demo.route("water-outage", "暖气不热，供暖不达标", List.of()));
    }

    @Test
    void aNamedMatterWithoutCoUnitsRoutesToItsLeadAlone() {
        assertEquals(Optional.of(new Route("food-safety", "market-regulation", List.of())),
                demo.route("food-safety", null, List.of()));
    }

    @Test
    void anUnknownMatterCodeFallsBackToTheKeywordsOfTheText() {
        assertEquals("heating-not-warm", demo.route("no-such-matter", "暖气不热", List.of()).orElseThrow().matterCode());
    }
}
