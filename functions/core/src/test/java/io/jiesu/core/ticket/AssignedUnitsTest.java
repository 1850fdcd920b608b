package io.jiesu.core.ticket;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The units whose inboxes show a ticket: its lead, then its co-units, while they hold it. */
class AssignedUnitsTest {

    @Test
    void anOpenDispatchedTicketIsHeldByItsLeadThenItsCoUnits() {
        Ticket t = received().dispatch(LEAD, List.of(CO, "street-office-east"), DISPATCHED_AT, DISPATCHER, DEADLINES)
                .after();

        assertEquals(List.of(LEAD, CO, "street-office-east"), t.assignedUnits());
        assertTrue(t.assignedTo(LEAD));
        assertTrue(t.assignedTo(CO));
        assertFalse(t.assignedTo("water-authority"));
        assertFalse(t.assignedTo(null));
    }

    @Test
    void theLeadNamedAgainAmongTheCoUnitsOrACoUnitNamedTwiceIsListedOnce() {
        Ticket t = received().dispatch(LEAD, List.of(CO, LEAD, CO), DISPATCHED_AT, DISPATCHER, DEADLINES).after();

        assertEquals(List.of(CO), t.coUnits());
        assertEquals(List.of(LEAD, CO), t.assignedUnits());
    }

    @Test
    void theUnitsKeepTheTicketWhileItIsHandledRepliedAndCalledBack() {
        for (Ticket t : List.of(signed(), contacted(), replied(), awaitingCallback(),
                ratedAs(Satisfaction.SATISFIED, null))) {
            assertEquals(List.of(LEAD, CO), t.assignedUnits(), t.state().code());
        }
    }

    @Test
    void aTicketNotYetDispatchedIsHeldByNoUnit() {
        assertEquals(List.of(), received().assignedUnits());
        assertFalse(received().assignedTo(LEAD));
    }

    @Test
    void aReturnedTicketIsHeldByNoUnit() {
        Ticket returned = signed().returnToCentre("不属于本单位职责", at("2026-03-09T11:00"), LEAD_STAFF).after();

        assertEquals(List.of(), returned.assignedUnits());
        assertFalse(returned.assignedTo(LEAD));
        assertFalse(returned.assignedTo(CO));
    }

    @Test
    void aClosedTicketIsHeldByNoUnit() {
        Ticket closed = closedSatisfied();

        assertEquals(LEAD, closed.leadUnit());
        assertEquals(List.of(), closed.assignedUnits());
        assertFalse(closed.assignedTo(LEAD));
        assertFalse(closed.assignedTo(CO));
    }
}
