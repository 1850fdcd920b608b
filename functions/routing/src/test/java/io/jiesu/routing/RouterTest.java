package io.jiesu.routing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);
    private final RouterTrainer trainer = RouterTrainer.chosen(CLOCK);

    @Test
    void handDispatchesTeachItWhereASimilarTicketBelongs() {
        RouterModel model = trainer.train(Tickets.history(12, 1));

        List<Suggestion> s = model.suggest(TicketText.of("楼下夜市摊贩占道经营，晚上噪音扰民，请处理"));

        assertEquals(3, s.size(), "the three likeliest units");
        assertEquals(Tickets.CITY, s.get(0).unit());
        assertTrue(s.get(0).confidence() > s.get(1).confidence() && s.get(1).confidence() >= s.get(2).confidence());
        assertTrue(s.get(0).confidence() > 0.5, "a clear case is confident: " + s);
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
    void aStoredModelLoadsAndRoutesAlike() {
        RouterModel model = trainer.train(Tickets.history(10, 3));
        byte[] bytes = model.toBytes();

        RouterModel loaded = RouterModel.fromBytes(bytes);

        TicketText t = TicketText.of("孩子开学报名，学校收费不合理");
        assertEquals(model.suggest(t), loaded.suggest(t));
        assertEquals(model.about(), loaded.about());
        assertTrue(bytes.length < 20 * 1024 * 1024);
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
    void oneUnitIsNothingToLearn() {
        assertThrows(IllegalArgumentException.class, () -> trainer.train(
                List.of(RoutingExample.of(TicketText.of("路灯"), Tickets.CITY))));
    }
}
