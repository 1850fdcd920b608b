package io.jiesu.aws.ticket;

import io.jiesu.core.ticket.TicketState;

import java.util.List;

/** Each unit's open tickets (one entry per unit holding a ticket), kept in step by every transition. */
public interface Inboxes {
    /** The pseudo-unit whose inbox holds tickets waiting for a dispatcher. */
    String DISPATCH_POOL = "dispatch-pool";

    /** A unit's open tickets, by state (all states if null) and due time. */
    List<InboxEntry> inbox(String unitId, TicketState state, int limit);
}
