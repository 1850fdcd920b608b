package io.jiesu.core.deadline;

import io.jiesu.core.Refusal;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** A ticket's one timer, derived from where it stands, and what a firing does. */
class TicketTimersTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    private static final TicketTimers TIMERS = new TicketTimers(DEADLINES);
    private static final Actor AGENT = new Actor("agent", Role.AGENT, null);
    private static final Actor DISPATCHER = new Actor("dispatcher", Role.DISPATCHER, null);
    private static final Actor UNIT = new Actor("staff", Role.UNIT, "heating-company");
    private static final Actor DEADLINE = Actor.system("deadline");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static Ticket dispatched(Channel channel, Category category, Deadlines deadlines) {
        NewTicket in = new NewTicket(category, channel, "暖气不热", new Citizen("张三", "13812345678"), null, null, false);
        // a provincial ticket comes only from the province, with its number
        Ticket t = (channel == Channel.PROVINCE
                ? Ticket.receiveFromProvince("T-1", in, new Ticket.ProvinceRef("gd", "GD-1"), at("2026-03-02T09:00"), AGENT, deadlines)
                : Ticket.receive("T-1", in, at("2026-03-02T09:00"), AGENT, deadlines)).after();
        return t.dispatch("heating-company", List.of(), at("2026-03-02T09:30"), DISPATCHER, deadlines).after();
    }

    @Test
    void aFiringForADeadlineThatHasSinceMovedChangesNothing() {
        Ticket t = dispatched(Channel.PHONE, Category.COMPLAINT, DEADLINES);
        Timer signDue = TIMERS.next(t).orElseThrow();
        assertEquals(TimerKind.SIGN_DUE, signDue.kind());
        Ticket signed = t.sign(at("2026-03-02T10:00"), UNIT, DEADLINES).after();
        assertEquals(Optional.empty(), TIMERS.act(signed, signDue, at("2026-03-02T11:30"), DEADLINE),
                "the sign timer of the older version is stale once the ticket is signed");
        assertEquals(TimerKind.REPLY_REMINDER, TIMERS.next(signed).orElseThrow().kind());
    }

    @Test
    void aFiringBeforeItsInstantChangesNothing() {
        Ticket t = dispatched(Channel.PHONE, Category.COMPLAINT, DEADLINES);
        Timer signDue = TIMERS.next(t).orElseThrow();
        assertTrue(TIMERS.act(t, signDue, signDue.at().minusSeconds(1), DEADLINE).isEmpty());
        assertEquals(EventType.SIGN_OVERDUE, TIMERS.act(t, signDue, signDue.at(), DEADLINE).orElseThrow().event().type());
    }

    @Test
    void anEarlyFiringLeavesTheDeadlinePendingWhileAnOlderVersionsIsStale() {
        Ticket t = dispatched(Channel.PHONE, Category.COMPLAINT, DEADLINES);
        Timer signDue = TIMERS.next(t).orElseThrow();
        assertEquals(TicketTimers.Firing.EARLY, TIMERS.classify(t, signDue, signDue.at().minusSeconds(1)),
                "the sign timer is still the ticket's: it must fire again at its instant, not count as done");
        assertEquals(TicketTimers.Firing.DUE, TIMERS.classify(t, signDue, signDue.at()));
        Ticket signed = t.sign(at("2026-03-02T10:00"), UNIT, DEADLINES).after();
        assertEquals(TicketTimers.Firing.STALE, TIMERS.classify(signed, signDue, signDue.at().minusSeconds(1)));
        assertEquals(TicketTimers.Firing.STALE, TIMERS.classify(signed, signDue, signDue.at()));
    }

    @Test
    void aProvincialTicketRunsOnTheShorterClockThePolicySets() {
        Deadlines halved = new Deadlines(WorkCalendar.bundled(), Policy.defaults().overrides().provincialFactor(0.5).apply());
        Ticket provincial = dispatched(Channel.PROVINCE, Category.COMPLAINT, halved);
        Ticket local = dispatched(Channel.PHONE, Category.COMPLAINT, halved);
        assertEquals(at("2026-03-12T17:30"), provincial.replyDueAt(), "8 working days (15 halved, rounded up) after 03-02");
        assertEquals(at("2026-03-23T17:30"), local.replyDueAt(), "15 working days after 03-02");
        assertTrue(provincial.supervision().onSiteRequired());
        assertFalse(local.supervision().onSiteRequired());
    }

    @Test
    void aTicketReopenedTwiceNeedsAFaceToFaceVisit() {
        Ticket t = dispatched(Channel.PHONE, Category.HELP_REQUEST, DEADLINES);
        for (int round = 1; round <= 2; round++) {
            t = t.sign(at("2026-03-02T10:00"), UNIT, DEADLINES).after();
            t = t.recordContact(ContactKind.FIRST, null, at("2026-03-02T10:05"), UNIT).after();
            t = t.reply(new Reply("已处理", Outcome.SOLVED, null, "李工", "13900001111", "rev"), at("2026-03-02T11:00"), UNIT).after();
            t = t.openCallbackWindow(at("2026-03-02T11:01"), DEADLINE, DEADLINES).after();
            t = t.recordCallback(new CallbackResult(Satisfaction.UNSATISFIED, false, true, null), at("2026-03-02T12:00"), AGENT).after();
            t = t.settleCallback(at("2026-03-02T12:01"), DEADLINE, DEADLINES).after();
            assertEquals(round, t.reopenCount());
            assertEquals(round >= 2, t.supervision().onSiteRequired(), "round " + round);
        }
        Ticket twice = t.sign(at("2026-03-02T13:00"), UNIT, DEADLINES).after()
                .recordContact(ContactKind.FIRST, null, at("2026-03-02T13:05"), UNIT).after();
        Refusal refused = assertThrows(Refusal.class, () -> twice.reply(new Reply("已处理", Outcome.SOLVED, null,
                "李工", "13900001111", "rev"), at("2026-03-02T14:00"), UNIT));
        assertEquals("contacts", refused.field());
    }

    @Test
    void theLadderClimbsOneStepPerIntervalAndStopsAtItsTop() {
        Ticket t = dispatched(Channel.PHONE, Category.CONSULTATION, DEADLINES).sign(at("2026-03-02T10:00"), UNIT, DEADLINES).after();
        // a consultation is reminded three working hours before its deadline (03-03 17:30)
        assertEquals(new Timer(TimerKind.REPLY_REMINDER, at("2026-03-03T14:30")), TIMERS.next(t).orElseThrow());
        t = TIMERS.act(t, TIMERS.next(t).orElseThrow(), at("2026-03-03T14:30"), DEADLINE).orElseThrow().after();
        assertEquals(new Timer(TimerKind.REPLY_DUE, at("2026-03-03T17:30")), TIMERS.next(t).orElseThrow());
        t = TIMERS.act(t, TIMERS.next(t).orElseThrow(), at("2026-03-03T17:30"), DEADLINE).orElseThrow().after();
        assertEquals(new Timer(TimerKind.ESCALATION, at("2026-03-05T17:30")), TIMERS.next(t).orElseThrow());
        t = TIMERS.act(t, TIMERS.next(t).orElseThrow(), at("2026-03-05T17:30"), DEADLINE).orElseThrow().after();
        assertEquals(new Timer(TimerKind.ESCALATION, at("2026-03-09T17:30")), TIMERS.next(t).orElseThrow());
        t = TIMERS.act(t, TIMERS.next(t).orElseThrow(), at("2026-03-09T17:30"), DEADLINE).orElseThrow().after();
        assertEquals(3, t.supervision().escalationLevel());
        assertEquals(EscalationStep.LEADER_IN_CHARGE, EscalationStep.of(t.supervision().escalationLevel()));
        assertEquals(Optional.empty(), TIMERS.next(t), "no step past the leader in charge");
    }
}
