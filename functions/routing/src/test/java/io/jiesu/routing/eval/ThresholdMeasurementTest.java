package io.jiesu.routing.eval;

import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.routing.MeasuredThreshold;
import io.jiesu.routing.RouterTrainer;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.TicketText;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdMeasurementTest {
    private static final RoutingCatalogue NO_CATALOGUE = new RoutingCatalogue(List.of(), List.of());
    private static final RouterTrainer TRAINER = RouterTrainer.chosen(
            Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC));
    private static final String[] UNITS = {"城管局", "交通局", "教育局"};
    private static final String[][] WORDS = {
            {"占道经营", "噪音扰民", "违章搭建", "夜市摊贩"},
            {"公交线路", "红绿灯", "停车收费", "道路拥堵"},
            {"学校收费", "学位分配", "幼儿园", "开学报名"}};

    /** Each unit's tickets in its own words; with {@code shuffled}, each ticket given a unit at random instead. */
    private static List<RoutingExample> history(boolean shuffled) {
        Random random = new Random(5);
        List<RoutingExample> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (int u = 0; u < UNITS.length; u++) {
                String text = "小区居民反映，" + WORDS[u][random.nextInt(4)] + "问题，" + WORDS[u][random.nextInt(4)];
                out.add(RoutingExample.of(TicketText.of(text), UNITS[shuffled ? random.nextInt(UNITS.length) : u]));
            }
        }
        return out;
    }

    @Test
    void aHistoryTheRouterLearnsGivesAThresholdAtWhichItsHeldOutDispatchesMeetTheTarget() {
        MeasuredThreshold m = ThresholdMeasurement.measure(TRAINER, history(false), NO_CATALOGUE, 0.95);

        assertTrue(m.reached(), m.toString());
        assertTrue(m.precision() >= 0.95, m.toString());
        assertTrue(m.automatic() > 0.5, m.toString());
        assertTrue(m.automatic() * m.heldOut() >= ThresholdMeasurement.LEAST_DISPATCHED, m.toString());
        assertEquals(60, m.heldOut(), "every ticket held out once");
        assertEquals(m, ThresholdMeasurement.measure(TRAINER, history(false), NO_CATALOGUE, 0.95),
                "the trainer's seed makes the same folds: the same history measures the same threshold");
    }

    @Test
    void aUnitWithASingleTicketLeavesItsFoldUntrainedInsteadOfFailingTheTraining() {
        List<RoutingExample> history = new ArrayList<>(history(false).stream().filter(e -> e.unit().equals(UNITS[0])).toList());
        history.add(RoutingExample.of(TicketText.of("公交线路太少"), UNITS[1]));

        MeasuredThreshold m = ThresholdMeasurement.measure(TRAINER, history, NO_CATALOGUE, 0.95);

        assertEquals(history.size(), m.heldOut(), "every ticket held out once, the rare unit's too");
        assertFalse(m.reached(), "the rare unit's ticket was never predicted right: " + m);
    }

    @Test
    void aThresholdMetByAFewLuckyTicketsDoesNotCount() {
        // the three most confident held-out tickets right, everything below them wrong: 1.0 precision on three
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            outcomes.add(new Outcome("a", i < 3 ? "a" : "b", i < 3 ? 0.99 : 0.6));
        }
        Scores scores = new Scores(outcomes);

        assertEquals(3 / 40.0, scores.lowestWithPrecision(0.95).coverage(), 1e-9, "the evaluation's table shows it");
        assertNull(scores.lowestWithPrecision(0.95, ThresholdMeasurement.LEAST_DISPATCHED),
                "a training does not dispatch alone on it");
    }

    @Test
    void aHistoryWithoutPatternReachesNoThresholdAndNothingWouldGoOutAlone() {
        MeasuredThreshold m = ThresholdMeasurement.measure(TRAINER, history(true), NO_CATALOGUE, 0.95);

        assertFalse(m.reached(), m.toString());
        assertNull(m.precision());
        assertEquals(0, m.automatic());
    }
}
