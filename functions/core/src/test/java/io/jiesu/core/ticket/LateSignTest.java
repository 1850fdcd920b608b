package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit signs (签收) within two hours of dispatch; a later signature is recorded as late. */
class LateSignTest {

    // dispatched Monday 09:40
    private static final Instant SIGN_DUE = at("2026-03-09T11:40");

    @Test
    void signingAtTheSignDeadlineIsOnTime() {
        Transition t = dispatched().sign(SIGN_DUE, LEAD_STAFF, DEADLINES);

        assertFalse(t.after().signedLate());
        assertEquals("false", t.event().detail().get("late"));
    }

    @Test
    void signingOneMinuteAfterTheSignDeadlineIsLate() {
        Transition t = dispatched().sign(SIGN_DUE.plusSeconds(60), LEAD_STAFF, DEADLINES);

        assertTrue(t.after().signedLate());
        assertEquals("true", t.event().detail().get("late"));
        assertEquals(TicketState.SIGNED, t.after().state());
    }

    @Test
    void aLateSignatureStillOpensAFullReturnWindowFromTheSignature() {
        Ticket late = dispatched().sign(at("2026-03-09T15:00"), LEAD_STAFF, DEADLINES).after();

        assertTrue(late.signedLate());
        assertEquals(at("2026-03-10T15:00"), late.returnDueAt());
    }

    @Test
    void onlyTheLeadUnitMaySign() {
        Ticket dispatched = dispatched();
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET,
                refused(() -> dispatched.sign(SIGN_DUE, OTHER_UNIT_STAFF, DEADLINES)).reason());
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET,
                refused(() -> dispatched.sign(SIGN_DUE, CO_STAFF, DEADLINES)).reason());
    }
}
