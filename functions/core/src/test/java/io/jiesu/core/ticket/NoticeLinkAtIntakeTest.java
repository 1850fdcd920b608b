package io.jiesu.core.ticket;

import org.junit.jupiter.api.Test;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A ticket about a notice in force carries the notice's id from intake on, and its intake event says so. */
class NoticeLinkAtIntakeTest {

    @Test
    void aTicketTakenInAboutANoticeIsLinkedToItAndItsIntakeEventRecordsTheLink() {
        Transition t = Ticket.receive(ID, request(Category.COMPLAINT), "N20260310-WATER1", RECEIVED_AT, AGENT, DEADLINES);
        assertEquals("N20260310-WATER1", t.after().notice());
        assertEquals("N20260310-WATER1", t.event().detail().get("notice"));
        assertEquals(EventType.TICKET_RECEIVED, t.event().type());
        assertEquals(1, t.after().version(), "the link is part of intake, not a step of its own");
    }

    @Test
    void aTicketAboutNoNoticeHasNoneAndItsEventSaysNothingOfOne() {
        Transition t = Ticket.receive(ID, request(Category.COMPLAINT), RECEIVED_AT, AGENT, DEADLINES);
        assertNull(t.after().notice());
        assertFalse(t.event().detail().containsKey("notice"));
    }

    @Test
    void theLinkStaysThroughTheTicketsLife() {
        Ticket t = Ticket.receive(ID, request(Category.COMPLAINT), "N1", RECEIVED_AT, AGENT, DEADLINES).after();
        Ticket dispatched = t.dispatch(LEAD, java.util.List.of(), DISPATCHED_AT, DISPATCHER, DEADLINES).after();
        assertEquals("N1", dispatched.notice());
    }

    @Test
    void aProvincialTicketIsLinkedToo() {
        Transition t = Ticket.receiveFromProvince(ID, request(Category.HELP_REQUEST), new Ticket.ProvinceRef("demo", "P-1"),
                "N1", RECEIVED_AT, Actor.system("province"), DEADLINES);
        assertEquals("N1", t.after().notice());
        assertEquals("N1", t.event().detail().get("notice"));
    }
}
