package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A step that the ticket's current state does not allow is refused as WRONG_STATE, naming that state. */
class WrongStateTest {

    private static void assertWrongState(Refusal refusal, String state) {
        assertEquals(Refusal.Reason.WRONG_STATE, refusal.reason());
        assertNull(refusal.field());
        assertTrue(refusal.getMessage().contains("a ticket that is " + state), refusal.getMessage());
    }

    @Test
    void signingATicketThatWasOnlyReceivedIsRefusedNamingReceived() {
        Ticket received = received();
        Refusal refusal = refused(() -> received.sign(SIGNED_AT, LEAD_STAFF, DEADLINES));

        assertWrongState(refusal, "received");
        assertEquals("cannot sign a ticket that is received; allowed from [dispatched]", refusal.getMessage());
    }

    @Test
    void replyingToATicketNotYetSignedIsRefusedNamingDispatched() {
        Ticket dispatched = dispatched();
        assertWrongState(refused(() -> dispatched.reply(solvedReply(), REPLIED_AT, LEAD_STAFF)), "dispatched");
    }

    @Test
    void dispatchingAClosedTicketIsRefusedNamingClosed() {
        Ticket closed = closedSatisfied();
        Refusal refusal = refused(() -> closed.dispatch(LEAD, List.of(), at("2026-03-13T09:00"), DISPATCHER,
                DEADLINES));

        assertWrongState(refusal, "closed");
        assertTrue(refusal.getMessage().contains("[received, awaiting_dispatch, joint_review]"), refusal.getMessage());
    }

    @Test
    void returningATicketBeforeSigningItIsRefusedNamingDispatched() {
        Ticket dispatched = dispatched();
        assertWrongState(refused(() -> dispatched.returnToCentre("不属于本单位职责", SIGNED_AT, LEAD_STAFF)),
                "dispatched");
    }

    @Test
    void recordingACallbackBeforeTheWindowOpensIsRefusedNamingReplied() {
        Ticket replied = replied();
        assertWrongState(refused(() -> replied.recordCallback(rated(Satisfaction.SATISFIED, null), CALLBACK_AT,
                CALLBACK_AGENT)), "replied");
    }

    @Test
    void reroutingATicketThatWasNotReturnedIsRefusedNamingSigned() {
        Ticket signed = signed();
        assertWrongState(refused(() -> signed.reroute(POLICY.returnsBeforeJointReview(), SIGNED_AT, SYSTEM)),
                "signed");
    }

    @Test
    void aRefusedStepLeavesTheTicketAsItWas() {
        Ticket received = received();
        Ticket copy = received.toBuilder().build();
        refused(() -> received.sign(SIGNED_AT, LEAD_STAFF, DEADLINES));

        assertEquals(copy, received);
        assertEquals(1, received.version());
    }
}
