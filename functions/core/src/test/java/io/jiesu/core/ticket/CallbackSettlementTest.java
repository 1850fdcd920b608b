package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * After the callback (回访): satisfied or basically satisfied closes; unsatisfied with a reasonable demand
 * reopens (重办) to the same unit; unsatisfied beyond law or policy is explained and closed.
 */
class CallbackSettlementTest {

    private static Transition settle(Satisfaction satisfaction, Boolean demandReasonable) {
        return ratedAs(satisfaction, demandReasonable).settleCallback(SETTLED_AT, SYSTEM, DEADLINES);
    }

    @Test
    void aBasicallySatisfiedRatingClosesTheTicketAsBasicallySatisfied() {
        Transition t = settle(Satisfaction.BASICALLY_SATISFIED, null);

        assertEquals(TicketState.CLOSED, t.after().state());
        assertEquals(Closure.BASICALLY_SATISFIED, t.after().closure());
        assertEquals(SETTLED_AT, t.after().closedAt());
        assertEquals(EventType.TICKET_CLOSED, t.event().type());
        assertEquals("basically_satisfied", t.event().detail().get("closure"));
    }

    @Test
    void anUnsatisfiedRatingOnAnUnreasonableDemandClosesTheTicketAsExplained() {
        Transition t = settle(Satisfaction.UNSATISFIED, false);

        assertEquals(TicketState.CLOSED, t.after().state());
        assertEquals(Closure.EXPLAINED, t.after().closure());
        assertEquals(0, t.after().reopenCount());
    }

    @Test
    void anUnsatisfiedRatingOnAReasonableDemandReopensTheTicketToTheSameLeadUnit() {
        Transition t = settle(Satisfaction.UNSATISFIED, true);
        Ticket reopened = t.after();

        assertEquals(TicketState.DISPATCHED, reopened.state());
        assertEquals(LEAD, reopened.leadUnit());
        assertEquals(List.of(CO), reopened.coUnits());
        assertEquals(1, reopened.reopenCount());
        assertNull(reopened.closure());
        assertNull(reopened.closedAt());
        assertEquals(EventType.TICKET_REOPENED, t.event().type());
        assertEquals(LEAD, t.event().detail().get("leadUnit"));
        assertEquals("1", t.event().detail().get("reopenCount"));
    }

    @Test
    void aReopenedTicketGetsFreshSignAndReplyDeadlinesCountedFromTheSettlement() {
        Ticket reopened = settle(Satisfaction.UNSATISFIED, true).after();

        // settled Thursday 10:01: sign by 12:01; a help request's three working days are Fri 13, Mon 16, Tue 17
        assertEquals(SETTLED_AT, reopened.dispatchedAt());
        assertEquals(at("2026-03-12T12:01"), reopened.signDueAt());
        assertEquals(at("2026-03-17T17:30"), reopened.replyDueAt());
        assertEquals(DEADLINES.replyDue(Category.HELP_REQUEST, SETTLED_AT), reopened.replyDueAt());
        assertNull(reopened.signedAt());
        assertFalse(reopened.signedLate());
        assertNull(reopened.returnDueAt());
    }

    @Test
    void aReopenedTicketStartsWithoutTheEarlierReplyContactsOrCallback() {
        Ticket reopened = settle(Satisfaction.UNSATISFIED, true).after();

        assertNull(reopened.reply());
        assertNull(reopened.repliedAt());
        assertNull(reopened.firstContactAt());
        assertNull(reopened.resultContactAt());
        assertNull(reopened.onSiteContactAt());
        assertNull(reopened.callback());
        assertNull(reopened.callbackDueAt());
    }

    @Test
    void theReopenedTicketMustBeSignedAndContactedAgainBeforeItsNextReply() {
        Ticket signedAgain = settle(Satisfaction.UNSATISFIED, true).after()
                .sign(at("2026-03-12T11:00"), LEAD_STAFF, DEADLINES).after();

        Refusal refusal = refused(() -> signedAgain.reply(solvedReply(), at("2026-03-13T11:00"), LEAD_STAFF));
        assertEquals("contacts", refusal.field());
    }

    @Test
    void anUnsatisfiedRatingThatDoesNotSayWhetherTheDemandIsReasonableIsInvalid() {
        Ticket awaiting = awaitingCallback();
        Refusal refusal = refused(() -> awaiting.recordCallback(rated(Satisfaction.UNSATISFIED, null),
                CALLBACK_AT, CALLBACK_AGENT));

        assertEquals(Refusal.Reason.INVALID, refusal.reason());
        assertEquals("demandReasonable", refusal.field());
    }

    @Test
    void aCallbackWithoutASatisfactionIsInvalid() {
        Ticket awaiting = awaitingCallback();
        Refusal refusal = refused(() -> awaiting.recordCallback(new CallbackResult(null, true, null, null),
                CALLBACK_AT, CALLBACK_AGENT));

        assertEquals(Refusal.Reason.INVALID, refusal.reason());
        assertEquals("satisfaction", refusal.field());
    }

    @Test
    void theRecordedCallbackIsKeptOnTheRatedTicketAndInItsEvent() {
        Transition t = awaitingCallback().recordCallback(rated(Satisfaction.UNSATISFIED, true), CALLBACK_AT,
                CALLBACK_AGENT);

        assertEquals(TicketState.RATED, t.after().state());
        assertEquals(rated(Satisfaction.UNSATISFIED, true), t.after().callback());
        assertEquals("unsatisfied", t.event().detail().get("satisfaction"));
        assertEquals("true", t.event().detail().get("demandReasonable"));
        assertEquals("false", t.event().detail().get("solved"));
    }
}
