package io.jiesu.aws.ticket;

import io.jiesu.aws.Emulators;
import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.core.ticket.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jiesu.aws.ticket.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The DynamoDB ticket store against DynamoDB Local. */
class TicketStoreTest {
    private TicketStore store;

    @BeforeEach
    void freshTable() {
        store = new TicketStore(Emulators.dynamo(), Emulators.newTable(), PHONES);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstTicketAndStoresNoSecond() {
        Transition first = received("暖气不热", MONDAY_10AM);
        Transition retry = received("暖气不热", MONDAY_10AM);
        Ticket a = store.create(first, "agent-1:key-1", "fp", List.of());
        Ticket b = store.create(retry, "agent-1:key-1", "fp", List.of());
        assertEquals(a.id(), b.id());
        assertTrue(store.find(retry.after().id()).isEmpty(), "the retry must not store a second ticket");
        assertEquals(1, store.history(a.id()).size());
    }

    @Test
    void theSameIdempotencyKeyWithADifferentRequestIsRefused() {
        store.create(received("暖气不热", MONDAY_10AM), "agent-1:key-2", "fp-1", List.of());
        assertThrows(IdempotencyKeyReusedException.class,
                () -> store.create(received("停水了", MONDAY_10AM), "agent-1:key-2", "fp-2", List.of()));
    }

    @Test
    void twoConflictingTransitionsLeaveOneWinner() {
        Ticket t = store.create(received("暖气不热", MONDAY_10AM), null, "fp", List.of());
        Transition dispatched = t.dispatch("heating-company", List.of(), MONDAY_10AM, DISPATCH, DEADLINES);
        store.save(dispatched, List.of());
        Ticket read = store.find(t.id()).orElseThrow();
        // two requests read the same version and decide differently
        Transition sign = read.sign(MONDAY_10AM.plusSeconds(60), unit("heating-company"), DEADLINES);
        Transition sameSignAgain = read.sign(MONDAY_10AM.plusSeconds(61), unit("heating-company"), DEADLINES);
        store.save(sign, List.of());
        assertThrows(ConcurrentTransitionException.class, () -> store.save(sameSignAgain, List.of()));
        Ticket after = store.find(t.id()).orElseThrow();
        assertEquals(TicketState.SIGNED, after.state());
        assertEquals(MONDAY_10AM.plusSeconds(60), after.signedAt(), "the loser's write must not land");
        assertEquals(1, store.history(t.id()).stream().filter(e -> e.type() == EventType.TICKET_SIGNED).count());
    }

    @Test
    void historyKeepsEveryStepInOrderWithActorAndTime() {
        Ticket t = store.create(received("暖气不热", MONDAY_10AM), null, "fp", List.of());
        Transition d = t.dispatch("heating-company", List.of("housing-bureau"), MONDAY_10AM.plusSeconds(5), DISPATCH, DEADLINES);
        store.save(d, List.of());
        Transition s = d.after().sign(MONDAY_10AM.plusSeconds(90), unit("heating-company"), DEADLINES);
        store.save(s, List.of());
        var history = store.history(t.id());
        assertEquals(List.of(EventType.TICKET_RECEIVED, EventType.TICKET_DISPATCHED, EventType.TICKET_SIGNED),
                history.stream().map(e -> e.type()).toList());
        assertEquals(List.of(1L, 2L, 3L), history.stream().map(e -> e.version()).toList());
        assertEquals("staff-of-heating-company", history.get(2).actor().id());
        assertEquals(MONDAY_10AM.plusSeconds(90), history.get(2).at());
    }

    @Test
    void aUnitsInboxListsItsOpenTicketsByStateAndDueTimeFromTheIndex() {
        Ticket early = store.create(received("暖气不热 1", MONDAY_10AM), null, "fp", List.of());
        Ticket late = store.create(received("暖气不热 2", MONDAY_10AM.plusSeconds(3600)), null, "fp", List.of());
        store.save(late.dispatch("heating-company", List.of("housing-bureau"), MONDAY_10AM.plusSeconds(3600), DISPATCH, DEADLINES), List.of());
        store.save(early.dispatch("heating-company", List.of(), MONDAY_10AM, DISPATCH, DEADLINES), List.of());

        var inbox = store.inbox("heating-company", null, 50);
        assertEquals(List.of(early.id(), late.id()), inbox.stream().map(InboxEntry::ticketId).toList());
        assertTrue(inbox.stream().allMatch(e -> e.state() == TicketState.DISPATCHED && e.role().equals("lead")));
        var coInbox = store.inbox("housing-bureau", TicketState.DISPATCHED, 50);
        assertEquals(List.of(late.id()), coInbox.stream().map(InboxEntry::ticketId).toList());
        assertEquals("co", coInbox.get(0).role());
        assertTrue(store.inbox("housing-bureau", TicketState.SIGNED, 50).isEmpty());
    }

    @Test
    void aReturnedTicketLeavesTheUnitsInbox() {
        Ticket t = store.create(received("暖气不热", MONDAY_10AM), null, "fp", List.of());
        Transition d = t.dispatch("heating-company", List.of("housing-bureau"), MONDAY_10AM, DISPATCH, DEADLINES);
        store.save(d, List.of());
        Transition s = d.after().sign(MONDAY_10AM.plusSeconds(60), unit("heating-company"), DEADLINES);
        store.save(s, List.of());
        store.save(s.after().returnToCentre("不属于本单位职责", MONDAY_10AM.plusSeconds(120), unit("heating-company")), List.of());
        assertTrue(store.inbox("heating-company", null, 50).isEmpty());
        assertTrue(store.inbox("housing-bureau", null, 50).isEmpty());
    }

    @Test
    void aCitizensEarlierTicketsAreFoundByPhoneWithoutStoringTheNumberInTheIndex() {
        Ticket a = store.create(received("暖气不热", MONDAY_10AM), null, "fp", List.of());
        Ticket b = store.create(received("又不热了", MONDAY_10AM.plusSeconds(86_400)), null, "fp", List.of());
        assertEquals(List.of(b.id(), a.id()), store.ticketsOfPhone("138-1234-5678", 10));
        assertNotEquals("13812345678", PHONES.of("13812345678"));
    }
}
