package io.jiesu.aws.ticket;

import io.jiesu.aws.queues.OutboxMessage;

import java.time.Instant;
import java.util.List;

/**
 * The messages a transition wrote with itself (see {@link Tickets#save}), kept until they are confirmed sent, so
 * nothing taken in is lost while a queue or the scheduler is unreachable.
 */
public interface Outbox {

    /** Messages written before the given instant and not yet confirmed sent, oldest first. */
    List<OutboxMessage> pendingOutbox(Instant writtenBefore, int limit);

    /** Whether an earlier message of the ticket to the same destination still waits (order must hold). */
    boolean earlierOutboxPending(OutboxMessage m);

    /** The message went out: it is no longer kept. */
    void deleteOutbox(OutboxMessage m);
}
