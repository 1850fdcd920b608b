package io.jiesu.core.rates;

import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** What each transition adds to the lead unit's counters, on which day. */
class TicketCountersTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    private static final TicketCounters COUNTERS = new TicketCounters(SHANGHAI);
    private static final Actor UNIT = new Actor("staff", Role.UNIT, "water-authority");
    private static final Actor SYSTEM = Actor.system("stage");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aReopenedTicketIsDispatchedAgainButStaysOneTicketDueOnItsFreshDeadline() {
        Ticket t = Ticket.receive("T-1", new NewTicket(Category.HELP_REQUEST, Channel.PHONE, "停水", new Citizen("张三", "13812345678"),
                null, null, false), at("2026-03-02T09:00"), new Actor("agent", Role.AGENT, null), DEADLINES).after();
        t = t.dispatch("water-authority", List.of(), at("2026-03-02T09:10"), SYSTEM, DEADLINES).after();   // due 03-05
        t = t.sign(at("2026-03-02T09:20"), UNIT, DEADLINES).after();
        t = t.recordContact(ContactKind.FIRST, null, at("2026-03-02T09:30"), UNIT).after();
        t = t.reply(new Reply("已处理", Outcome.SOLVED, null, "李工", "13900001111", "rev"), at("2026-03-03T10:00"), UNIT).after();
        t = t.openCallbackWindow(at("2026-03-03T10:01"), SYSTEM, DEADLINES).after();
        t = t.recordCallback(new CallbackResult(Satisfaction.UNSATISFIED, false, true, null), at("2026-03-04T10:00"),
                new Actor("agent", Role.AGENT, null)).after();
        Transition reopened = t.settleCallback(at("2026-03-04T10:01"), SYSTEM, DEADLINES);   // fresh deadline 03-09

        Map<CounterKey, Map<Counter, Long>> deltas = COUNTERS.of(reopened);
        assertEquals(Map.of(Counter.DISPATCHED, 1L, Counter.REOPENED, 1L),
                deltas.get(new CounterKey("water-authority", LocalDate.of(2026, 3, 4))));
        assertEquals(Map.of(Counter.DUE, -1L), deltas.get(new CounterKey("water-authority", LocalDate.of(2026, 3, 5))));
        assertEquals(Map.of(Counter.DUE, 1L), deltas.get(new CounterKey("water-authority", LocalDate.of(2026, 3, 9))));
        assertEquals(3, deltas.size());
    }

    @Test
    void aSignIsCountedOnTheDayOfTheDispatchItAnswersEvenAfterMidnight() {
        Ticket t = Ticket.receive("T-3", new NewTicket(Category.COMPLAINT, Channel.PHONE, "夜间施工", new Citizen("张三", "13812345678"),
                null, null, false), at("2026-03-02T23:20"), new Actor("agent", Role.AGENT, null), DEADLINES).after();
        t = t.dispatch("water-authority", List.of(), at("2026-03-02T23:30"), SYSTEM, DEADLINES).after();  // sign by 01:30
        Map<CounterKey, Map<Counter, Long>> deltas = COUNTERS.of(t.sign(at("2026-03-03T00:40"), UNIT, DEADLINES));
        // beside its DISPATCHED: counted on 03-03, a day with no dispatch would read 1 signed in time of 0 dispatched
        assertEquals(Map.of(new CounterKey("water-authority", LocalDate.of(2026, 3, 2)), Map.of(Counter.SIGNED_IN_TIME, 1L)), deltas);
    }

    @Test
    void aCloseIsCountedOnTheDayTheTicketWasDueBesideItsDueOnceAfterAReopening() {
        Ticket t = Ticket.receive("T-4", new NewTicket(Category.HELP_REQUEST, Channel.PHONE, "停水", new Citizen("张三", "13812345678"),
                null, null, false), at("2026-03-02T09:00"), new Actor("agent", Role.AGENT, null), DEADLINES).after();
        t = t.dispatch("water-authority", List.of(), at("2026-03-02T09:10"), SYSTEM, DEADLINES).after();   // due 03-05
        t = handled(t, "2026-03-02T09:20", "2026-03-03T10:00");
        t = t.recordCallback(new CallbackResult(Satisfaction.UNSATISFIED, false, true, null), at("2026-03-04T10:00"),
                new Actor("agent", Role.AGENT, null)).after();
        t = t.settleCallback(at("2026-03-04T10:01"), SYSTEM, DEADLINES).after();                            // reopened: due 03-09
        t = handled(t, "2026-03-04T10:30", "2026-03-05T10:00");
        t = t.recordCallback(new CallbackResult(Satisfaction.SATISFIED, true, null, null), at("2026-03-06T10:00"),
                new Actor("agent", Role.AGENT, null)).after();
        Transition closed = t.settleCallback(at("2026-03-06T10:01"), SYSTEM, DEADLINES);

        // closed on 03-06, due on 03-09: counted where DUE counts it, so closed ÷ due reads the tickets due
        assertEquals(Map.of(new CounterKey("water-authority", LocalDate.of(2026, 3, 9)), Map.of(Counter.CLOSED, 1L)),
                COUNTERS.of(closed), "closed once, on its fresh deadline's day, not the first time (it was reopened)");
    }

    /** Signed, first contact, replied and the callback window opened, on the given times. */
    private static Ticket handled(Ticket t, String signed, String replied) {
        t = t.sign(at(signed), UNIT, DEADLINES).after();
        t = t.recordContact(ContactKind.FIRST, null, at(signed).plusSeconds(600), UNIT).after();
        t = t.reply(new Reply("已处理", Outcome.SOLVED, null, "李工", "13900001111", "rev"), at(replied), UNIT).after();
        return t.openCallbackWindow(at(replied).plusSeconds(60), SYSTEM, DEADLINES).after();
    }

    @Test
    void aStepThatCountsNothingAddsNothing() {
        Ticket t = Ticket.receive("T-2", new NewTicket(Category.HELP_REQUEST, Channel.PHONE, "停水", new Citizen("张三", "13812345678"),
                null, null, false), at("2026-03-02T09:00"), new Actor("agent", Role.AGENT, null), DEADLINES).after();
        t = t.dispatch("water-authority", List.of(), at("2026-03-02T09:10"), SYSTEM, DEADLINES).after();
        t = t.sign(at("2026-03-02T09:20"), UNIT, DEADLINES).after();
        assertTrue(COUNTERS.of(t.recordContact(ContactKind.FIRST, null, at("2026-03-02T09:30"), UNIT)).isEmpty());
    }

    @Test
    void aDispatchIsAccurateUntilItsUnitReturnsItAndTheSplitSaysWhoDispatched() {
        Ticket t = Ticket.receive("T-9", new NewTicket(Category.HELP_REQUEST, Channel.PHONE, "停水", new Citizen("张三", "13812345678"),
                null, null, false), at("2026-03-02T09:00"), new Actor("agent", Role.AGENT, null), DEADLINES).after();
        Transition byRouter = t.dispatchByRouter("water-authority",
                List.of(new Routing.Suggestion("water-authority", 0.61)), "v1", at("2026-03-02T09:10"), SYSTEM, DEADLINES);
        CounterKey dispatchDay = new CounterKey("water-authority", LocalDate.of(2026, 3, 2));
        Map<Counter, Long> routed = COUNTERS.of(byRouter).get(dispatchDay);
        assertEquals(1L, routed.get(Counter.ROUTED));
        assertEquals(1L, routed.get(Counter.ROUTED_KEPT));
        assertEquals(1L, routed.get(Counter.ROUTER_ROUTED));
        assertEquals(1L, routed.get(Counter.ROUTER_KEPT));
        assertNull(routed.get(Counter.HAND_ROUTED));

        t = byRouter.after().sign(at("2026-03-02T09:20"), UNIT, DEADLINES).after();
        // returned the next day: out of the kept on the dispatch's day, so the rate stays a cohort
        Map<CounterKey, Map<Counter, Long>> returned = COUNTERS.of(t.returnToCentre("不属于本单位", at("2026-03-03T09:00"), UNIT));
        assertEquals(-1L, returned.get(dispatchDay).get(Counter.ROUTED_KEPT));
        assertEquals(-1L, returned.get(dispatchDay).get(Counter.ROUTER_KEPT));
        assertNull(returned.get(dispatchDay).get(Counter.ROUTED));

        Rates rates = Rates.of(Rates.sum(List.of(routed, returned.get(dispatchDay))));
        assertEquals(0.0, rates.dispatchAccuracy().value());
        assertEquals(0.0, rates.routerDispatchAccuracy().value());
        assertNull(rates.handDispatchAccuracy().value());

        Ticket waiting = Ticket.receive("T-10", new NewTicket(Category.HELP_REQUEST, Channel.PHONE, "停水", new Citizen("张三", "13812345678"),
                null, null, false), at("2026-03-02T09:00"), new Actor("agent", Role.AGENT, null), DEADLINES).after();
        waiting = waiting.awaitDispatcher("unsure", List.of(), null, at("2026-03-02T09:05"), SYSTEM).after();
        Map<Counter, Long> byHand = COUNTERS.of(waiting.dispatch("water-authority", List.of(), at("2026-03-02T09:30"),
                new Actor("d", Role.DISPATCHER, null), DEADLINES)).get(dispatchDay);
        assertEquals(1L, byHand.get(Counter.HAND_ROUTED));
        assertEquals(1L, byHand.get(Counter.HAND_KEPT));
        assertNull(byHand.get(Counter.ROUTER_ROUTED));
    }

    @Test
    void dispatchAccuracyIsOutOfTheRankingsComposite() {
        Map<Counter, Long> c = Map.of(Counter.DISPATCHED, 4L, Counter.SIGNED_IN_TIME, 2L);
        Map<Counter, Long> withAccuracy = new java.util.HashMap<>(c);
        withAccuracy.put(Counter.ROUTED, 4L);
        withAccuracy.put(Counter.ROUTED_KEPT, 1L);
        assertEquals(Ranking.score(Rates.of(c)), Ranking.score(Rates.of(withAccuracy)), 1e-12);
    }

    @Test
    void aConsultationAnsweredOnTheSpotCountsForTheUnitWhoseArticleAnsweredIt() {
        Transition answered = Ticket.receive("T-9", new NewTicket(Category.CONSULTATION, Channel.PHONE, "供暖季哪天开始",
                new Citizen("张三", "13812345678"), null, null, true, new AnsweredFrom("KB-1", 1, "heating-company")),
                at("2026-03-02T23:50"), new Actor("agent", Role.AGENT, null), DEADLINES);
        assertEquals(Map.of(new CounterKey("heating-company", LocalDate.of(2026, 3, 2)),
                Map.of(Counter.CONSULTATIONS, 1L, Counter.ON_THE_SPOT, 1L)), COUNTERS.of(answered));
    }

    @Test
    void aDispatchedConsultationCountsOnceForTheUnitThatKeepsIt() {
        Ticket t = Ticket.receive("T-10", new NewTicket(Category.CONSULTATION, Channel.PHONE, "停水到几点",
                new Citizen("张三", "13812345678"), null, null, false), at("2026-03-02T09:00"),
                new Actor("agent", Role.AGENT, null), DEADLINES).after();
        Transition dispatched = t.dispatch("water-authority", List.of(), at("2026-03-02T09:10"), SYSTEM, DEADLINES);
        assertEquals(1L, COUNTERS.of(dispatched).get(new CounterKey("water-authority", LocalDate.of(2026, 3, 2)))
                .get(Counter.CONSULTATIONS));
        t = dispatched.after().sign(at("2026-03-02T09:20"), UNIT, DEADLINES).after();
        Transition returned = t.returnToCentre("不属于本单位", at("2026-03-02T10:00"), UNIT);
        assertEquals(-1L, COUNTERS.of(returned).get(new CounterKey("water-authority", LocalDate.of(2026, 3, 2)))
                .get(Counter.CONSULTATIONS), "out again on the day it was counted: the next unit counts it");

        Map<Counter, Long> day = new java.util.EnumMap<>(Counter.class);
        for (Transition x : List.of(dispatched, returned)) {
            COUNTERS.of(x).values().forEach(m -> m.forEach((k, v) -> day.merge(k, v, Long::sum)));
        }
        Rates rates = Rates.of(day);
        assertNull(rates.onTheSpotAnswer().value(), "0 of 0: no value");
        assertEquals(0.5, Rates.of(Map.of(Counter.CONSULTATIONS, 2L, Counter.ON_THE_SPOT, 1L)).onTheSpotAnswer().value());
        assertEquals(0, RateKind.ON_THE_SPOT_ANSWER.weight(), "out of the ranking's composite");
    }
}
