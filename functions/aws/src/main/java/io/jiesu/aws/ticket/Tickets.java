package io.jiesu.aws.ticket;

import io.jiesu.aws.queues.OutboxMessage;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketEvent;
import io.jiesu.core.ticket.Transition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Tickets with their history. Each transition is stored at once with all that goes with it (history, inbox entries,
 * counters, outbox messages), conditional on the version it was computed from.
 */
public interface Tickets {

    /**
     * Stores a new ticket, or, when the idempotency key (may be null) was seen before with the same request
     * fingerprint, returns the ticket that request created and writes nothing.
     *
     * @throws IdempotencyKeyReusedException when the key was seen with another fingerprint
     */
    Ticket create(Transition created, String idempotencyKey, String fingerprint, List<OutboxMessage> outbox);

    /**
     * Applies a transition if the ticket is still at the version it was computed from.
     *
     * @throws ConcurrentTransitionException when it is not
     */
    void save(Transition t, List<OutboxMessage> outbox);

    Optional<Ticket> find(String id);

    /** Every step of the ticket, in order. */
    List<TicketEvent> history(String id);

    /** The ids of all open tickets; eventually consistent: read the ticket itself before acting on it. */
    Stream<String> openTicketIds();

    /** Ticket ids filed from this phone number, newest first. */
    List<String> ticketsOfPhone(String phone, int limit);
}
