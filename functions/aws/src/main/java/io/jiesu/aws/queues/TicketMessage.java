package io.jiesu.aws.queues;

/**
 * What a stage receives: the ticket and the version the message was sent for. A stage acts only while the
 * ticket is still at that version, so a repeat delivery changes nothing.
 */
public record TicketMessage(String ticketId, long version) {
}
