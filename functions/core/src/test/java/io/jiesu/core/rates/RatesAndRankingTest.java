package io.jiesu.core.rates;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jiesu.core.rates.Counter.*;
import static org.junit.jupiter.api.Assertions.*;

/** The rates exactly as docs/domain.md defines them, and the ranking's rules, on numbers worked out by hand. */
class RatesAndRankingTest {

    @Test
    void eachRateIsItsDefinitionWithTheCountsBehindIt() {
        Rates r = Rates.of(Map.ofEntries(Map.entry(DISPATCHED, 20L), Map.entry(SIGNED_IN_TIME, 18L), Map.entry(SIGNED_LATE, 2L),
                Map.entry(REPLIED, 16L), Map.entry(REPLIED_IN_TIME, 12L), Map.entry(DUE, 15L), Map.entry(CLOSED, 10L),
                Map.entry(CLOSED_FIRST_TIME, 8L), Map.entry(RATED, 10L), Map.entry(ANSWERED, 8L), Map.entry(SOLVED, 6L),
                Map.entry(SATISFIED, 5L), Map.entry(BASICALLY_SATISFIED, 3L), Map.entry(UNSATISFIED, 2L)));
        assertEquals(new Rate(18, 20), r.response());
        assertEquals(0.90, r.response().value(), 1e-9);
        assertEquals(new Rate(12, 16), r.onTimeCompletion());
        assertEquals(new Rate(10, 15), r.completion());
        assertEquals(new Rate(8, 10), r.firstTimeResolution());
        assertEquals(new Rate(6, 8), r.resolution());
        assertEquals(new Rate(8, 10), r.satisfaction());
        assertEquals(2L, r.counts().get(SIGNED_LATE));
    }

    @Test
    void aRateWithNothingBehindItHasNoValue() {
        assertNull(Rates.of(Map.of()).satisfaction().value());
    }

    @Test
    void unitsAreRankedByTheCompositeWithTiesAndSmallUnitsHandledAsDocumented() {
        Map<String, Rates> units = new LinkedHashMap<>();
        units.put("a-good", unit(10, 10, 10, 10, 10));   // every rate 100 %
        units.put("b-poor", unit(10, 5, 10, 5, 10));     // response 50 %, satisfaction 50 %
        units.put("c-tied", unit(10, 10, 10, 10, 10));   // the same as a-good: the id breaks the tie
        units.put("d-small", unit(3, 3, 3, 3, 3));        // 3 dispatched: too few to rank
        List<Ranking.Entry> ranking = new Ranking(5).rank(units, Set.of("b-poor"));
        assertEquals(List.of("a-good", "c-tied", "b-poor", "d-small"), ranking.stream().map(Ranking.Entry::unitId).toList());
        assertEquals(List.of(1, 2, 3), ranking.stream().filter(Ranking.Entry::ranked).map(Ranking.Entry::rank).toList());
        Ranking.Entry poor = ranking.get(2);
        assertTrue(poor.bottom());
        assertTrue(poor.bottomTwoMonthsRunning(), "bottom last month too");
        // b-poor: satisfaction .5 (30 %), on-time 1 (25 %), response .5 (15 %), completion 1, first-time 1, resolution 1
        assertEquals(0.30 * 0.5 + 0.25 + 0.15 * 0.5 + 0.10 + 0.10 + 0.10, poor.score(), 1e-9);
        assertFalse(ranking.get(3).ranked());
        assertNull(ranking.get(3).rank());
    }

    /** dispatched, signed in time, rated, satisfied(+basically), and everything else complete. */
    private static Rates unit(long dispatched, long signedInTime, long rated, long satisfied, long closed) {
        return Rates.of(Map.ofEntries(Map.entry(DISPATCHED, dispatched), Map.entry(SIGNED_IN_TIME, signedInTime),
                Map.entry(REPLIED, closed), Map.entry(REPLIED_IN_TIME, closed), Map.entry(DUE, closed), Map.entry(CLOSED, closed),
                Map.entry(CLOSED_FIRST_TIME, closed), Map.entry(RATED, rated), Map.entry(ANSWERED, rated),
                Map.entry(SOLVED, rated), Map.entry(SATISFIED, satisfied)));
    }
}
