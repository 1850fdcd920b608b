package io.jiesu.routing;

import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);
    private static final List<HandlingUnit> UNITS = List.of(new HandlingUnit(Tickets.CITY, "城管"),
            new HandlingUnit(Tickets.TRANSPORT, "交通"), new HandlingUnit(Tickets.EDUCATION, "教育"));
    private final RouterTrainer trainer = RouterTrainer.chosen(CLOCK);

    @Test
    void handDispatchesTeachItWhereASimilarTicketBelongs() {
        RouterModel model = trainer.train(Tickets.history(12, 1));

        List<Suggestion> s = model.suggest(TicketText.of("楼下夜市摊贩占道经营，晚上噪音扰民，请处理"));

        assertEquals(3, s.size(), "the three likeliest units");
        assertEquals(Tickets.CITY, s.get(0).unit());
        assertTrue(s.get(0).confidence() > s.get(1).confidence() && s.get(1).confidence() >= s.get(2).confidence());
        // the runner-up confidence is above 0.5 for any first unit: what counts is that words the units share say less
        List<Suggestion> vague = model.suggest(TicketText.of("小区居民反映，已经很久了，希望领导重视"));
        assertTrue(s.get(0).confidence() > vague.get(0).confidence(), "a clear case is surer than a vague one: " + s + " " + vague);
    }

    @Test
    void theSameHistoryGivesTheSameModel() {
        List<RoutingExample> history = Tickets.history(10, 2);
        RouterModel a = trainer.train(history);
        RouterModel b = trainer.train(history);
        TicketText t = TicketText.of("公交站台旁边的红绿灯坏了");

        assertEquals(a.suggest(t), b.suggest(t));
        assertEquals(a.version(), b.version());
        assertTrue(a.version().startsWith("20260501T020000Z-"), a.version());
    }

    @Test
    void fromTwentyThousandLessonsTheChosenSettingsTrainTheLargeOnesAndStayThere() {
        RouterTrainer chosen = RouterTrainer.chosen(Clock.systemUTC());

        assertSame(chosen, chosen.forLessons(RouterTrainer.LARGE_HISTORY - 1));
        RouterTrainer large = chosen.forLessons(RouterTrainer.LARGE_HISTORY);
        assertEquals(RouterTrainer.LARGE_FEATURES, large.features());
        assertEquals(RouterTrainer.LARGE_CLASSIFIER, large.classifier());
        assertSame(large, large.forLessons(RouterTrainer.LARGE_HISTORY * 5), "other settings train as they are");
    }

    @Test
    void aStoredModelLoadsAndRoutesAlike() {
        RouterModel model = trainer.train(Tickets.history(10, 3));
        byte[] bytes = model.toBytes();

        RouterModel loaded = RouterModel.fromBytes(bytes);

        TicketText t = TicketText.of("孩子开学报名，学校收费不合理");
        assertEquals(model.suggest(t), loaded.suggest(t));
        assertEquals(model.about(), loaded.about());
        assertNull(loaded.about().measured(), "trained without a measurement, stored without one");
        assertTrue(bytes.length < 20 * 1024 * 1024);
        // what its training measured goes with it, an unreached threshold too
        for (MeasuredThreshold m : List.of(new MeasuredThreshold(0.95, 0.74, 0.951, 0.53, 194),
                new MeasuredThreshold(0.95, null, null, 0, 40))) {
            assertEquals(m, RouterModel.fromBytes(model.withMeasured(m).toBytes()).about().measured());
        }
        assertThrows(IllegalArgumentException.class, () -> RouterModel.fromBytes("not a model".getBytes()));
    }

    @Test
    void aReturnedDispatchCorrectedByHandOutweighsTheRoutersOwnHabit() {
        // the router sent three fallen-branch tickets to the city unit and they stayed; two others just like them
        // were returned by the city unit and went to transport: the corrections say more than the router's habit
        // (counted one for one, the three would win)
        List<RoutingExample> history = new ArrayList<>(Tickets.history(10, 4));
        for (int i = 0; i < 3; i++) {
            history.add(RoutingExample.of(TicketText.of("树枝折断"), Tickets.CITY, Lesson.ROUTER_KEPT));
        }
        for (int i = 0; i < 2; i++) {
            history.add(RoutingExample.of(TicketText.of("树枝折断"), Tickets.TRANSPORT, Lesson.AFTER_RETURN));
        }

        List<Suggestion> s = trainer.train(history).suggest(TicketText.of("树枝折断"));

        assertEquals(Tickets.TRANSPORT, s.get(0).unit(), s.toString());
    }

    @Test
    void jointReviewOutweighsHandDispatches() {
        List<RoutingExample> history = new ArrayList<>(Tickets.history(10, 5));
        for (int i = 0; i < 3; i++) {
            history.add(RoutingExample.of(TicketText.of("井盖缺失"), Tickets.CITY, Lesson.HAND_KEPT));
        }
        history.add(RoutingExample.of(TicketText.of("井盖缺失"), Tickets.TRANSPORT, Lesson.JOINT_REVIEW));

        assertEquals(Tickets.TRANSPORT, trainer.train(history).suggest(TicketText.of("井盖缺失")).get(0).unit());
    }

    @Test
    void aUnitThatReturnedTheTicketIsNotSuggestedForItAgain() {
        RouterModel model = trainer.train(Tickets.history(10, 6));

        List<Suggestion> s = model.suggest(TicketText.of("占道经营"), Set.of(Tickets.CITY), 3);

        assertEquals(2, s.size());
        assertTrue(s.stream().noneMatch(x -> x.unit().equals(Tickets.CITY)));
    }

    @Test
    void aTicketWithNothingTheModelKnowsGetsNoSuggestion() {
        RouterModel model = trainer.train(Tickets.history(10, 7));

        assertEquals(List.of(), model.suggest(TicketText.of("ⓧⓧⓧ")));
    }

    @Test
    void intakesFieldsAreFeaturesToo() {
        // the same words, told apart only by the category intake recorded
        List<RoutingExample> history = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            history.add(RoutingExample.of(new TicketText("反映问题" + i, "市容", null, null), Tickets.CITY));
            history.add(RoutingExample.of(new TicketText("反映问题" + i, "交通", null, null), Tickets.TRANSPORT));
        }
        RouterModel model = trainer.train(history);

        assertEquals(Tickets.TRANSPORT,
                model.suggest(new TicketText("反映问题", "交通", null, null)).get(0).unit());
        assertEquals(Tickets.CITY, model.suggest(new TicketText("反映问题", "市容", null, null)).get(0).unit());
    }

    @Test
    void theCataloguesMattersTeachWordsNoDispatchHasUsedYet() {
        // no ticket in the history speaks of manholes; the catalogue says they are the transport unit's matter
        RoutingCatalogue catalogue = new RoutingCatalogue(UNITS, List.of(
                new Matter("M-1", "井盖", "市政", Tickets.TRANSPORT, List.of(), List.of("井盖破损", "窨井")),
                new Matter("M-2", "窨井", "市政", Tickets.TRANSPORT, List.of(), List.of("窨井井盖"))));
        List<RoutingExample> history = Tickets.history(10, 8);
        TicketText manhole = TicketText.of("窨井井盖破损");

        assertEquals(Tickets.TRANSPORT, trainer.train(history, catalogue).suggest(manhole).get(0).unit());
        assertTrue(trainer.train(history).suggest(manhole).isEmpty(), "without the catalogue it knows no such word");
    }

    @Test
    void aCatalogueUnitNoTicketWentToIsNotProposed() {
        List<HandlingUnit> units = new ArrayList<>(UNITS);
        units.add(new HandlingUnit("民政局", "民政"));
        RoutingCatalogue catalogue = new RoutingCatalogue(units, List.of(
                new Matter("M-3", "殡葬", "民政", "民政局", List.of(), List.of("墓地", "殡葬服务"))));

        RouterModel model = trainer.train(Tickets.history(10, 9), catalogue);

        assertEquals(List.of(Tickets.TRANSPORT, Tickets.CITY, Tickets.EDUCATION).stream().sorted().toList(),
                model.about().units());
    }

    @Test
    void theTemperatureIsTheModelsAndTravelsWithIt() {
        List<RoutingExample> history = Tickets.history(10, 10);
        TicketText t = TicketText.of("公交站台旁边的红绿灯坏了");
        RouterModel sharp = trainer.with(Tuning.CHOSEN.withTemperature(0.25)).train(history);
        RouterModel flat = trainer.with(Tuning.CHOSEN.withTemperature(1.0)).train(history);

        assertEquals(0.25, RouterModel.fromBytes(sharp.toBytes()).about().temperature());
        assertEquals(sharp.suggest(t), RouterModel.fromBytes(sharp.toBytes()).suggest(t));
        assertEquals(flat.suggest(t).get(0).unit(), sharp.suggest(t).get(0).unit());
        assertTrue(sharp.suggest(t).get(0).confidence() > flat.suggest(t).get(0).confidence(),
                "a sharper softmax is surer of the same first unit: " + sharp.suggest(t) + " " + flat.suggest(t));
    }

    @Test
    void balancedUnitsWeighAlikeHoweverManyTicketsEachHas() {
        List<org.tribuo.Example<org.tribuo.classification.Label>> examples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            examples.add(RouterTrainer.example(new org.tribuo.classification.Label("A"),
                    java.util.Map.of("c:" + i, 1.0), null));
        }
        examples.add(RouterTrainer.example(new org.tribuo.classification.Label("B"), java.util.Map.of("c:x", 1.0),
                null));
        examples.add(RouterTrainer.example(new org.tribuo.classification.Label("B"), java.util.Map.of("c:y", 1.0),
                null));

        var w = Classifier.balancedWeights(examples);

        // 8 tickets, 2 units: each unit's tickets add up to 4
        assertEquals(4.0 / 6, w.get(new org.tribuo.classification.Label("A")), 1e-6);
        assertEquals(2.0, w.get(new org.tribuo.classification.Label("B")), 1e-6);
    }

    @Test
    void oneUnitIsNothingToLearn() {
        assertThrows(IllegalArgumentException.class, () -> trainer.train(
                List.of(RoutingExample.of(TicketText.of("路灯"), Tickets.CITY))));
    }
}
