package io.jiesu.core.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A unit that returned the ticket is never its lead again by the catalogue, nor a co-unit. */
class ExcludedUnitRoutingTest {

    private final RoutingCatalogue demo = RoutingCatalogue.demo();

    @Test
    void aNamedMatterWhoseLeadReturnedTheTicketIsSkippedForTheNextBestByKeywords() {
        Route r = demo.route("heating-not-warm", "暖气不热，楼下还在施工", List.of("heating-company")).orElseThrow();

        assertEquals("construction-noise", r.matterCode());
        assertEquals("urban-management", r.leadUnit());
    }

    @Test
    void aMatterWhoseLeadReturnedTheTicketIsSkippedEvenWhenItsKeywordsHitMost() {
        // heating: 暖气, 不热, 供暖 (3); construction noise: 噪音 (1)
        Route r = demo.route(null, "暖气不热，供暖不达标，还有噪音", List.of("heating-company")).orElseThrow();

        assertEquals("construction-noise", r.matterCode());
    }

    @Test
    void anExcludedCoUnitIsDroppedFromTheRoute() {
        assertEquals(Optional.of(new Route("heating-not-warm", "heating-company", List.of())),
                demo.route(null, "暖气不热", List.of("housing-bureau")));
    }

    @Test
    void anExcludedCoUnitIsDroppedWhileTheOtherCoUnitsStay() {
        Route r = demo.route(null, "暖气不热，夜间施工噪音", List.of("heating-company", "housing-bureau"))
                .orElseThrow();

        assertEquals(new Route("construction-noise", "urban-management", List.of("ecology-bureau")), r);
    }

    @Test
    void whenEveryMatchingMatterLedByAnExcludedUnitNothingIsRouted() {
        assertEquals(Optional.empty(), demo.route("heating-not-warm", "暖气不热", List.of("heating-company")));
    }
}
