package io.jiesu.aws.ticket;

import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.TicketState;

import java.time.Instant;

/**
 * One line of a unit's inbox (no personal data: the ticket itself is one click away), with where supervision
 * stands: overdue, the escalation step, a reminder sent, an extension waiting.
 */
public record InboxEntry(String ticketId, String unitId, String role, TicketState state, Category category,
                         Instant dueAt, Instant replyDueAt, boolean signedLate, int reopenCount,
                         Instant receivedAt, boolean overdue, int escalationLevel, Instant remindedAt,
                         boolean extensionPending, boolean provincial) {
}
