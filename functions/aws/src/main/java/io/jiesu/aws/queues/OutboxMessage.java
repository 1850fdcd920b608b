package io.jiesu.aws.queues;

import io.jiesu.aws.resources.QueueName;

import java.time.Instant;

/** A message written in the same transaction as the transition it announces, sent after it commits. */
public record OutboxMessage(String ticketId, long version, QueueName queue, String body, Instant createdAt) {
}
