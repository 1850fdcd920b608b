package io.jiesu.aws.rates;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.rates.Counter;
import io.jiesu.core.ticket.*;
import io.jiesu.localcloud.scheduler.MovableClock;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Counters per unit per day move with the transitions, in the same write: once each, whatever is redelivered. */
class CountersTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    private static final Actor AGENT = new Actor("agent", Role.AGENT, null);
    private static final Actor UNIT = new Actor("staff", Role.UNIT, "heating-company");
    private static final Actor REVIEWER = new Actor("rev", Role.REVIEWER, "heating-company");

    private MovableClock clock;
    private SchedulerServer scheduler;
    private TicketStore store;
    private TicketWorkflow workflow;

    @BeforeEach
    void fresh() {
        clock = new MovableClock(at("2026-03-02T09:00"));
        scheduler = Emulators.newScheduler(clock);
        var queues = Emulators.newQueues();
        store = new TicketStore(Emulators.dynamo(), Emulators.newTable(), new PhoneHash("test-citizen-index-key-0123456789"));
        workflow = new TicketWorkflow(store, store, new TicketQueues(Emulators.sqs(), queues),
                Emulators.timers(Emulators.schedulerClient(scheduler), DEADLINES, queues), clock);
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void aLifeIsCountedOnceEachStepOnTheDayItHappenedEvenWhenMessagesAreDeliveredTwice() {
        String id = workflow.create(Ticket.receive("T-count-1", new NewTicket(Category.HELP_REQUEST, Channel.PHONE, "路灯不亮",
                new Citizen("张三", "13812345678"), null, null, false), clock.instant(), AGENT, DEADLINES), null, "fp").id();
        TicketMessage received = new TicketMessage(id, 1);
        for (int delivery = 0; delivery < 2; delivery++) {   // the dispatch message, delivered twice
            workflow.applyOnce(received, TicketState.RECEIVED,
                    t -> t.dispatch("heating-company", List.of(), at("2026-03-02T09:10"), Actor.system("dispatch"), DEADLINES));
        }
        workflow.apply(id, t -> t.sign(at("2026-03-02T10:00"), UNIT, DEADLINES));            // in the 2 h window
        workflow.apply(id, t -> t.recordContact(ContactKind.FIRST, null, at("2026-03-02T10:10"), UNIT));
        workflow.apply(id, t -> t.reply(new Reply("已修复", Outcome.SOLVED, null, "李工", "13900001111", "rev"),
                at("2026-03-04T15:00"), REVIEWER));                                                // due 03-05 17:30
        TicketMessage replied = new TicketMessage(id, 5);
        for (int delivery = 0; delivery < 2; delivery++) {
            workflow.applyOnce(replied, TicketState.REPLIED, t -> t.openCallbackWindow(at("2026-03-04T15:01"), Actor.system("reply"), DEADLINES));
        }
        workflow.apply(id, t -> t.recordCallback(new CallbackResult(Satisfaction.BASICALLY_SATISFIED, true, null, null),
                at("2026-03-05T10:00"), AGENT));
        workflow.applyOnce(new TicketMessage(id, 7), TicketState.RATED, t -> t.settleCallback(at("2026-03-05T10:01"), Actor.system("callback"), DEADLINES));
        workflow.applyOnce(new TicketMessage(id, 7), TicketState.RATED, t -> t.settleCallback(at("2026-03-05T10:02"), Actor.system("callback"), DEADLINES));

        Map<LocalDate, Map<Counter, Long>> days = store.counters("heating-company", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        // dispatched by the catalogue: one dispatch for the dispatch accuracy, kept while no unit returns it
        assertEquals(Map.of(Counter.DISPATCHED, 1L, Counter.SIGNED_IN_TIME, 1L, Counter.ROUTED, 1L, Counter.ROUTED_KEPT, 1L),
                days.get(LocalDate.of(2026, 3, 2)));
        assertEquals(Map.of(Counter.REPLIED, 1L, Counter.REPLIED_IN_TIME, 1L), days.get(LocalDate.of(2026, 3, 4)));
        assertEquals(Map.of(Counter.DUE, 1L, Counter.RATED, 1L, Counter.ANSWERED, 1L, Counter.BASICALLY_SATISFIED, 1L,
                Counter.SOLVED, 1L, Counter.CLOSED, 1L, Counter.CLOSED_FIRST_TIME, 1L), days.get(LocalDate.of(2026, 3, 5)));
        assertEquals(3, days.size());
    }

    @Test
    void aReturnIsCountedForTheUnitThatReturnedItAndTheTicketIsNoLongerDueFromIt() {
        String id = workflow.create(Ticket.receive("T-count-2", new NewTicket(Category.COMPLAINT, Channel.PHONE, "暖气不热",
                new Citizen("张三", "13812345678"), null, null, false), clock.instant(), AGENT, DEADLINES), null, "fp").id();
        workflow.apply(id, t -> t.dispatch("heating-company", List.of(), at("2026-03-02T09:10"), Actor.system("dispatch"), DEADLINES));
        workflow.apply(id, t -> t.sign(at("2026-03-02T12:00"), UNIT, DEADLINES));             // after 11:10: late
        workflow.apply(id, t -> t.returnToCentre("不属于本单位", at("2026-03-02T13:00"), UNIT));
        Map<LocalDate, Map<Counter, Long>> days = store.counters("heating-company", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
        // the return takes the dispatch back out of the kept ones, on the dispatch's day
        assertEquals(Map.of(Counter.DISPATCHED, 1L, Counter.SIGNED_LATE, 1L, Counter.RETURNED, 1L, Counter.ROUTED, 1L,
                Counter.ROUTED_KEPT, 0L), days.get(LocalDate.of(2026, 3, 2)));
        assertEquals(Map.of(Counter.DUE, 0L), days.get(LocalDate.of(2026, 3, 23)), "due counted at dispatch, taken back at the return");
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
