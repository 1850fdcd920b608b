package io.jiesu.aws.queues;

import io.jiesu.aws.resources.QueueName;

import java.time.Instant;

/**
 * A message written in the same transaction as the transition it announces, sent after it commits. With no
 * queue it stands for "set the ticket's deadline timer to match it" (done against the scheduler, not SQS), or,
 * with the body {@link #WORDS}, "index the ticket's words" (done against the table, after intake).
 */
public record OutboxMessage(String ticketId, long version, QueueName queue, String body, Instant createdAt) {
    public static final String TIMER = "TIMER";
    public static final String WORDS = "WORDS";

    /** Index the words of a ticket just taken in: its terms are too many for the intake transaction. */
    public static OutboxMessage wordIndex(String ticketId, long version, Instant createdAt) {
        return new OutboxMessage(ticketId, version, null, WORDS, createdAt);
    }

    public boolean isWordIndex() {
        return queue == null && WORDS.equals(body);
    }

    /** The body says whether the ticket's schedule exists now, so the sync makes one call, not two. */
    public static OutboxMessage timerSync(String ticketId, long version, boolean scheduleExists, Instant createdAt) {
        return new OutboxMessage(ticketId, version, null, scheduleExists ? "exists" : "absent", createdAt);
    }

    public boolean scheduleExists() {
        return !"absent".equals(body);
    }

    public boolean isTimerSync() {
        return queue == null && !isWordIndex();
    }

    /** How the outbox item names where it goes. */
    public String destination() {
        return queue != null ? queue.name() : isWordIndex() ? WORDS : TIMER;
    }
}
