package io.jiesu.aws.search;

import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;

import java.time.Instant;
import java.util.List;

/**
 * One line of a ticket list (search, a caller's earlier tickets, a citizen's own): what a screen shows before the
 * ticket is opened. It carries no name and no phone, so it needs no masking whoever reads it; the ticket itself,
 * masked as the reader's role requires, is one click away.
 */
public record TicketCard(String ticketId, TicketState state, Category category, Channel channel, String leadUnit,
                         List<String> assignedUnits, Instant receivedAt, Instant dueAt, boolean overdue,
                         boolean provincial, int reopenCount, String summary) {
    /** A list shows the start of the request: enough to recognise it, not the whole text. */
    public static final int SUMMARY_CODE_POINTS = 60;

    public static TicketCard of(Ticket t) {
        return new TicketCard(t.id(), t.state(), t.category(), t.channel(), t.leadUnit(), t.assignedUnits(),
                t.receivedAt(), t.currentDue(), t.overdue(), t.provincial(), t.reopenCount(), summary(t.content()));
    }

    private static String summary(String content) {
        if (content == null || content.codePointCount(0, content.length()) <= SUMMARY_CODE_POINTS) {
            return content;
        }
        return content.substring(0, content.offsetByCodePoints(0, SUMMARY_CODE_POINTS)) + "…";
    }

    /** Whether unit staff of this unit may read the ticket: as Caller#requireMayRead says for the ticket itself. */
    public boolean readableByUnit(String unitId) {
        return unitId != null && (assignedUnits.contains(unitId)
                || state == TicketState.CLOSED && unitId.equals(leadUnit));
    }
}
