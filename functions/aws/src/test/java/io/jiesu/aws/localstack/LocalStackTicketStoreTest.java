package io.jiesu.aws.localstack;

import io.jiesu.aws.ticket.ConcurrentTransitionException;
import io.jiesu.aws.ticket.InboxEntry;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketEvent;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.core.ticket.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.List;

import static io.jiesu.aws.localstack.LocalStackCloud.*;
import static org.junit.jupiter.api.Assertions.*;

/** The DynamoDB ticket store against LocalStack's DynamoDB, on a table made by CloudResources.createTable. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackTicketStoreTest {
    private TicketStore store;

    @BeforeEach
    void freshTable() {
        store = new TicketStore(LocalStackCloud.dynamo(), LocalStackCloud.newTable(), PHONES);
    }

    @Test
    void aCreatedTicketIsFoundAndARetryWithTheSameKeyStoresNoSecond() {
        Transition first = received(Category.COMPLAINT, "暖气不热", MONDAY_10AM);
        Transition retry = received(Category.COMPLAINT, "暖气不热", MONDAY_10AM);
        Ticket a = store.create(first, "agent-1:key-1", "fp", List.of());
        Ticket b = store.create(retry, "agent-1:key-1", "fp", List.of());
        assertEquals(a.id(), b.id());
        assertEquals(TicketState.RECEIVED, store.find(a.id()).orElseThrow().state());
        assertTrue(store.find(retry.after().id()).isEmpty(), "the retry must not store a second ticket");
    }

    @Test
    void savesAreConditionalOnTheVersionReadAndTheHistoryKeepsEveryStepInOrder() {
        Ticket t = store.create(received(Category.COMPLAINT, "暖气不热", MONDAY_10AM), null, "fp", List.of());
        Transition dispatched = t.dispatch("heating-company", List.of(), MONDAY_10AM.plusSeconds(5), DISPATCH, DEADLINES);
        store.save(dispatched, List.of());
        Ticket read = store.find(t.id()).orElseThrow();
        Transition sign = read.sign(MONDAY_10AM.plusSeconds(60), unit("heating-company"), DEADLINES);
        Transition sameSignAgain = read.sign(MONDAY_10AM.plusSeconds(61), unit("heating-company"), DEADLINES);
        store.save(sign, List.of());
        assertThrows(ConcurrentTransitionException.class, () -> store.save(sameSignAgain, List.of()));

        List<TicketEvent> history = store.history(t.id());
        assertEquals(List.of(EventType.TICKET_RECEIVED, EventType.TICKET_DISPATCHED, EventType.TICKET_SIGNED),
                history.stream().map(TicketEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L), history.stream().map(TicketEvent::version).toList());
        assertEquals(MONDAY_10AM.plusSeconds(60), history.get(2).at(), "the loser's write must not land");
        assertEquals("staff-of-heating-company", history.get(2).actor().id());
    }

    @Test
    void aUnitsInboxAndACitizensTicketsAreReadFromTheIndexes() {
        Ticket early = store.create(received(Category.COMPLAINT, "暖气不热 1", MONDAY_10AM), null, "fp", List.of());
        Ticket late = store.create(received(Category.COMPLAINT, "暖气不热 2", MONDAY_10AM.plusSeconds(3600)), null, "fp", List.of());
        store.save(late.dispatch("heating-company", List.of("housing-bureau"), MONDAY_10AM.plusSeconds(3600), DISPATCH, DEADLINES), List.of());
        store.save(early.dispatch("heating-company", List.of(), MONDAY_10AM, DISPATCH, DEADLINES), List.of());

        List<InboxEntry> inbox = store.inbox("heating-company", null, 50);
        assertEquals(List.of(early.id(), late.id()), inbox.stream().map(InboxEntry::ticketId).toList(), "by due time");
        assertTrue(inbox.stream().allMatch(e -> e.state() == TicketState.DISPATCHED && e.role().equals("lead")));
        List<InboxEntry> coInbox = store.inbox("housing-bureau", TicketState.DISPATCHED, 50);
        assertEquals(List.of(late.id()), coInbox.stream().map(InboxEntry::ticketId).toList());
        assertTrue(store.inbox("housing-bureau", TicketState.SIGNED, 50).isEmpty());

        // the citizen index projects keys only
        assertEquals(List.of(late.id(), early.id()), store.ticketsOfPhone("138-1234-5678", 10));
    }
}
