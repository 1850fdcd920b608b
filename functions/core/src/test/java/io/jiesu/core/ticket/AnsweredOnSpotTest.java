package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consultation the knowledge base answers is closed at intake (即时答复) and never dispatched. */
class AnsweredOnSpotTest {

    private static NewTicket answeredOnSpot(Category category) {
        NewTicket r = request(category);
        return new NewTicket(r.category(), r.channel(), "请问供暖季从哪天开始？", r.citizen(), r.location(), r.matter(),
                true, CITED);
    }

    private static final AnsweredFrom CITED = new AnsweredFrom("KB-20261102-ABCDEFGH", 2, "heating-company");

    @Test
    void aConsultationAnsweredOnTheSpotIsClosedAtIntake() {
        Transition t = Ticket.receive(ID, answeredOnSpot(Category.CONSULTATION), RECEIVED_AT, AGENT, DEADLINES);

        assertEquals(TicketState.CLOSED, t.after().state());
        assertEquals(Closure.ANSWERED_ON_SPOT, t.after().closure());
        assertEquals(RECEIVED_AT, t.after().closedAt());
        assertEquals(RECEIVED_AT, t.after().receivedAt());
        assertEquals(1, t.after().version());
        assertEquals(EventType.ANSWERED_ON_SPOT, t.event().type());
        assertEquals(AGENT, t.event().actor());
        assertEquals("consultation", t.event().detail().get("category"));
        assertEquals(CITED, t.after().answeredFrom(), "the ticket keeps the article and version read out");
        assertEquals("KB-20261102-ABCDEFGH", t.event().detail().get("articleId"));
        assertEquals("2", t.event().detail().get("articleVersion"));
    }

    @Test
    void anAnswerOnTheSpotCitesTheArticleItWasReadFrom() {
        NewTicket r = request(Category.CONSULTATION);
        Refusal uncited = refused(() -> Ticket.receive(ID, new NewTicket(r.category(), r.channel(), r.content(),
                r.citizen(), r.location(), r.matter(), true, null), RECEIVED_AT, AGENT, DEADLINES));
        assertEquals(Refusal.Reason.INVALID, uncited.reason());
        assertEquals("articleId", uncited.field());

        Refusal citedButFiled = refused(() -> Ticket.receive(ID, new NewTicket(r.category(), r.channel(),
                r.content(), r.citizen(), r.location(), r.matter(), false, CITED), RECEIVED_AT, AGENT, DEADLINES));
        assertEquals("articleId", citedButFiled.field(), "a filed ticket cites no article");
    }

    @Test
    void aConsultationAnsweredOnTheSpotIsNeverDueForDispatchNorHeldByAnyUnit() {
        Ticket closed = Ticket.receive(ID, answeredOnSpot(Category.CONSULTATION), RECEIVED_AT, AGENT, DEADLINES)
                .after();

        assertNull(closed.dispatchDueAt());
        assertNull(closed.leadUnit());
        assertTrue(closed.assignedUnits().isEmpty());
        assertNull(closed.currentDue());
    }

    @Test
    void aConsultationNotAnsweredOnTheSpotWaitsForDispatch() {
        Transition t = Ticket.receive(ID, request(Category.CONSULTATION), RECEIVED_AT, AGENT, DEADLINES);

        assertEquals(TicketState.RECEIVED, t.after().state());
        assertNull(t.after().closure());
        assertEquals(EventType.TICKET_RECEIVED, t.event().type());
    }

    @ParameterizedTest
    @EnumSource(value = Category.class, names = "CONSULTATION", mode = EnumSource.Mode.EXCLUDE)
    void anythingButAConsultationAnsweredOnTheSpotIsRefusedAsInvalid(Category category) {
        Refusal refusal = refused(() -> Ticket.receive(ID, answeredOnSpot(category), RECEIVED_AT, AGENT,
                DEADLINES));

        assertEquals(Refusal.Reason.INVALID, refusal.reason());
        assertEquals("answeredOnSpot", refusal.field());
    }
}
