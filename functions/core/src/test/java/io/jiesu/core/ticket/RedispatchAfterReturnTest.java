package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A ticket dispatched again after a return starts afresh with its new lead unit: the earlier unit's
 * signature and contacts with the citizen do not count for the new one (两次有效联系 is each unit's duty).
 */
class RedispatchAfterReturnTest {

    private static final String WATER = "water-authority";
    private static final Actor WATER_STAFF = new Actor("staff-qian", Role.UNIT, WATER);

    /** The first unit called the citizen, found the matter outside its remit and returned it. */
    private static Ticket redispatchedToWater() {
        return contacted()
                .recordContact(ContactKind.ON_SITE, null, at("2026-03-09T10:50"), LEAD_STAFF).after()
                .returnToCentre("小区为自管供暖", at("2026-03-09T11:00"), LEAD_STAFF).after()
                .reroute(POLICY.returnsBeforeJointReview(), at("2026-03-09T11:01"), Actor.system("return-stage")).after()
                .dispatch(WATER, List.of(), at("2026-03-09T11:02"), DISPATCHER, DEADLINES).after();
    }

    @Test
    void theNewLeadUnitStartsWithFreshDeadlinesAndNoSignature() {
        Ticket t = redispatchedToWater();

        assertEquals(TicketState.DISPATCHED, t.state());
        assertEquals(WATER, t.leadUnit());
        assertEquals(at("2026-03-09T13:02"), t.signDueAt());
        assertNull(t.signedAt());
        assertFalse(t.signedLate());
        assertNull(t.returnDueAt());
        assertEquals(List.of(LEAD), t.returnedBy());
    }

    @Test
    void theEarlierUnitsContactsWithTheCitizenAreNotCarriedOver() {
        Ticket t = redispatchedToWater();

        assertNull(t.firstContactAt());
        assertNull(t.resultContactAt());
        assertNull(t.onSiteContactAt());
    }

    @Test
    void theNewLeadUnitCannotReplyWithoutContactingTheCitizenItself() {
        Ticket signed = redispatchedToWater().sign(at("2026-03-09T11:30"), WATER_STAFF, DEADLINES).after();

        Refusal refusal = refused(() -> signed.reply(solvedReply(), at("2026-03-10T11:00"), WATER_STAFF));
        assertEquals(Refusal.Reason.INVALID, refusal.reason());
        assertEquals("contacts", refusal.field());
    }

    @Test
    void theReturningUnitCanNoLongerActOnTheTicket() {
        Ticket t = redispatchedToWater();

        assertEquals(Refusal.Reason.NOT_YOUR_TICKET,
                refused(() -> t.sign(at("2026-03-09T11:30"), LEAD_STAFF, DEADLINES)).reason());
    }
}
