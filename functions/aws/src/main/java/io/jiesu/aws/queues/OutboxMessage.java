package io.jiesu.aws.queues;

import io.jiesu.aws.resources.QueueName;

import java.time.Instant;

/**
 * A message written in the same transaction as the transition it announces, sent after it commits. With no
 * queue it stands for "set the ticket's deadline timer to match it" (done against the scheduler, not SQS).
 */
public record OutboxMessage(String ticketId, long version, QueueName queue, String body, Instant createdAt) {
    public static final String TIMER = "TIMER";

    public static OutboxMessage timerSync(String ticketId, long version, Instant createdAt) {
        return new OutboxMessage(ticketId, version, null, TIMER, createdAt);
    }

    public boolean isTimerSync() {
        return queue == null;
    }

    /** How the outbox item names where it goes. */
    public String destination() {
        return queue == null ? TIMER : queue.name();
    }
}
