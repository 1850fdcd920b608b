package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit returns (退回) a matter outside its remit, with a reason, within 24 hours of signing. */
class ReturnToCentreTest {

    private static final String REASON = "小区为自管供暖，不属于热力集团供热范围";
    // signed Monday 10:15, so the window closes Tuesday 10:15
    private static final java.time.Instant WINDOW_CLOSES = at("2026-03-10T10:15");

    @Test
    void theReturnWindowClosesTwentyFourHoursAfterSigning() {
        assertEquals(WINDOW_CLOSES, signed().returnDueAt());
        assertEquals(SIGNED_AT.plus(Duration.ofHours(24)), signed().returnDueAt());
    }

    @Test
    void aReturnInsideTheWindowLeavesTheTicketReturnedAndRecordsTheUnit() {
        Transition t = signed().returnToCentre(REASON, at("2026-03-09T15:00"), LEAD_STAFF);

        assertEquals(TicketState.RETURNED, t.after().state());
        assertEquals(List.of(LEAD), t.after().returnedBy());
        assertEquals(EventType.TICKET_RETURNED, t.event().type());
        assertEquals(LEAD, t.event().detail().get("unit"));
        assertEquals(REASON, t.event().detail().get("reason"));
        assertEquals(LEAD_STAFF, t.event().actor());
        assertEquals(4, t.after().version());
    }

    @Test
    void aReturnAtTheLastMomentOfTheWindowIsStillAccepted() {
        assertEquals(TicketState.RETURNED, signed().returnToCentre(REASON, WINDOW_CLOSES, LEAD_STAFF).after().state());
    }

    @Test
    void aReturnOneMinuteAfterTheWindowIsRefusedAsWindowClosed() {
        Ticket signed = signed();
        Refusal refusal = refused(() -> signed.returnToCentre(REASON, WINDOW_CLOSES.plusSeconds(60), LEAD_STAFF));

        assertEquals(Refusal.Reason.WINDOW_CLOSED, refusal.reason());
        assertNull(refusal.field());
        assertTrue(refusal.getMessage().contains(WINDOW_CLOSES.toString()), refusal.getMessage());
    }

    @Test
    void aReturnWithABlankReasonIsInvalidOnTheReasonField() {
        Ticket signed = signed();
        for (String blank : new String[] {null, "", "   "}) {
            Refusal refusal = refused(() -> signed.returnToCentre(blank, at("2026-03-09T15:00"), LEAD_STAFF));
            assertEquals(Refusal.Reason.INVALID, refusal.reason(), "reason " + blank);
            assertEquals("reason", refusal.field(), "reason " + blank);
        }
    }

    @Test
    void aUnitThatIsNotTheLeadCannotReturnTheTicket() {
        Ticket signed = signed();
        Refusal refusal = refused(() -> signed.returnToCentre(REASON, at("2026-03-09T15:00"), OTHER_UNIT_STAFF));

        assertEquals(Refusal.Reason.NOT_YOUR_TICKET, refusal.reason());
    }

    @Test
    void aCoUnitCannotReturnTheTicketEither() {
        Ticket signed = signed();
        assertEquals(Refusal.Reason.NOT_YOUR_TICKET,
                refused(() -> signed.returnToCentre(REASON, at("2026-03-09T15:00"), CO_STAFF)).reason());
    }
}
