package io.jiesu.core.ticket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A help request from intake to a satisfied close, every step by the book. */
class TicketLifeTest {

    private final List<Transition> steps = new ArrayList<>();

    private List<Transition> liveTheWholeLife() {
        Transition t = Ticket.receive(ID, request(Category.HELP_REQUEST), RECEIVED_AT, AGENT, DEADLINES);
        steps.add(t);
        steps.add(t = t.after().dispatch(LEAD, List.of(CO), DISPATCHED_AT, DISPATCHER, DEADLINES));
        steps.add(t = t.after().sign(SIGNED_AT, LEAD_STAFF, DEADLINES));
        steps.add(t = t.after().recordContact(ContactKind.FIRST, "已电话联系", FIRST_CONTACT_AT, LEAD_STAFF));
        steps.add(t = t.after().reply(solvedReply(), REPLIED_AT, LEAD_STAFF));
        steps.add(t = t.after().openCallbackWindow(WINDOW_OPENED_AT, SYSTEM, DEADLINES));
        steps.add(t = t.after().recordCallback(rated(Satisfaction.SATISFIED, null), CALLBACK_AT, CALLBACK_AGENT));
        steps.add(t.after().settleCallback(SETTLED_AT, SYSTEM, DEADLINES));
        return steps;
    }

    @Test
    void aTicketHandledByTheBookEndsClosedAsSatisfied() {
        Ticket last = liveTheWholeLife().get(steps.size() - 1).after();

        assertEquals(TicketState.CLOSED, last.state());
        assertEquals(Closure.SATISFIED, last.closure());
        assertEquals(SETTLED_AT, last.closedAt());
        assertEquals(solvedReply(), last.reply());
        assertEquals(Satisfaction.SATISFIED, last.callback().satisfaction());
        assertFalse(last.state().open());
    }

    @Test
    void eachStepPassesThroughTheStatesOfTheLifeInOrder() {
        assertEquals(List.of(TicketState.RECEIVED, TicketState.DISPATCHED, TicketState.SIGNED, TicketState.SIGNED,
                        TicketState.REPLIED, TicketState.AWAITING_CALLBACK, TicketState.RATED, TicketState.CLOSED),
                liveTheWholeLife().stream().map(s -> s.after().state()).toList());
    }

    @Test
    void theVersionGrowsByOneWithEachStepStartingAtOne() {
        liveTheWholeLife();
        assertEquals(1, steps.get(0).after().version());
        for (int i = 1; i < steps.size(); i++) {
            assertSame(steps.get(i - 1).after(), steps.get(i).before(), "step " + i + " starts from the last one");
            assertEquals(steps.get(i).before().version() + 1, steps.get(i).after().version(), "step " + i);
        }
        assertEquals(8, steps.get(steps.size() - 1).after().version());
    }

    @Test
    void everyEventCarriesTheTicketIdVersionTypeTimeAndActor() {
        liveTheWholeLife();
        List<EventType> types = List.of(EventType.TICKET_RECEIVED, EventType.TICKET_DISPATCHED,
                EventType.TICKET_SIGNED, EventType.CITIZEN_CONTACTED, EventType.TICKET_REPLIED,
                EventType.CALLBACK_WINDOW_OPENED, EventType.CALLBACK_RECORDED, EventType.TICKET_CLOSED);
        List<java.time.Instant> times = List.of(RECEIVED_AT, DISPATCHED_AT, SIGNED_AT, FIRST_CONTACT_AT, REPLIED_AT,
                WINDOW_OPENED_AT, CALLBACK_AT, SETTLED_AT);
        List<Actor> actors = List.of(AGENT, DISPATCHER, LEAD_STAFF, LEAD_STAFF, LEAD_STAFF, SYSTEM, CALLBACK_AGENT,
                SYSTEM);
        for (int i = 0; i < steps.size(); i++) {
            TicketEvent e = steps.get(i).event();
            assertEquals(ID, e.ticketId(), "event " + i);
            assertEquals(i + 1L, e.version(), "event " + i);
            assertEquals(steps.get(i).after().version(), e.version(), "event " + i);
            assertEquals(types.get(i), e.type(), "event " + i);
            assertEquals(times.get(i), e.at(), "event " + i);
            assertEquals(actors.get(i), e.actor(), "event " + i);
        }
    }

    @Test
    void eventDetailsNeverCarryTheCitizensNameOrPhone() {
        liveTheWholeLife().forEach(s -> s.event().detail().values().forEach(v -> {
            assertFalse(v.contains("张三"), s.event().type() + ": " + v);
            assertFalse(v.contains("13800000000"), s.event().type() + ": " + v);
        }));
    }

    @Test
    void intakeSetsTheDispatchDeadlineAndDispatchSetsTheSignAndReplyDeadlines() {
        liveTheWholeLife();
        Ticket received = steps.get(0).after();
        Ticket dispatched = steps.get(1).after();
        Ticket signed = steps.get(2).after();

        // a help request in working hours goes out the same day, by close of business
        assertEquals(at("2026-03-09T17:30"), received.dispatchDueAt());
        assertEquals(DISPATCHED_AT, dispatched.dispatchedAt());
        assertEquals(LEAD, dispatched.leadUnit());
        assertEquals(List.of(CO), dispatched.coUnits());
        assertEquals(DISPATCHED_AT.plus(Duration.ofHours(2)), dispatched.signDueAt());
        assertEquals(at("2026-03-09T11:40"), dispatched.signDueAt());
        // three working days: Tue, Wed, Thu, ending at close of business
        assertEquals(at("2026-03-12T17:30"), dispatched.replyDueAt());
        assertEquals(SIGNED_AT, signed.signedAt());
        assertFalse(signed.signedLate());
        assertEquals(at("2026-03-10T10:15"), signed.returnDueAt());
    }

    @Test
    void theCallbackWindowRunsThreeWorkingDaysFromOpening() {
        Ticket awaiting = liveTheWholeLife().get(5).after();
        // Thu 12, Fri 13, Mon 16
        assertEquals(at("2026-03-16T17:30"), awaiting.callbackDueAt());
        assertEquals("2026-03-16T09:30:00Z", steps.get(5).event().detail().get("callbackDueAt"));
    }

    @Test
    void theReplyInsideItsDeadlineIsRecordedAsOnTime() {
        TicketEvent replied = liveTheWholeLife().get(4).event();
        assertEquals("true", replied.detail().get("onTime"));
        assertEquals("solved", replied.detail().get("outcome"));
        assertEquals(REPLIED_AT, steps.get(4).after().repliedAt());
        assertEquals(FIRST_CONTACT_AT, steps.get(4).after().firstContactAt());
        assertNull(steps.get(4).after().resultContactAt());
    }

    @ParameterizedTest(name = "a {0} dispatched on Monday 09:40 is due at {1}")
    @CsvSource({
            "CONSULTATION, 2026-03-10T17:30",
            "HELP_REQUEST, 2026-03-12T17:30",
            "SUGGESTION,   2026-03-12T17:30",
            "COMPLAINT,    2026-03-30T17:30",
            "REPORT,       2026-03-30T17:30"})
    void theReplyDeadlineFollowsTheCategory(Category category, String due) {
        Ticket dispatched = received(category).dispatch(LEAD, List.of(), DISPATCHED_AT, DISPATCHER, DEADLINES).after();

        assertEquals(at(due), dispatched.replyDueAt());
        assertEquals(DEADLINES.replyDue(category, DISPATCHED_AT), dispatched.replyDueAt());
        assertEquals(at("2026-03-09T11:40"), dispatched.signDueAt());
    }
}
