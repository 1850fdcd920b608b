package io.jiesu.api.tickets;

import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.TicketEvent;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/** One step of a ticket's history as the API shows it. */
public record HistoryEntry(long version, EventType type, OffsetDateTime at, String actor, Role role, String unit,
                           Map<String, String> detail) {
    static HistoryEntry of(TicketEvent e, ZoneId zone) {
        // a citizen's subject may be their phone number: history shows the role, not the person
        String actor = e.actor().role() == Role.CITIZEN ? "citizen" : e.actor().id();
        return new HistoryEntry(e.version(), e.type(), TicketView.at(e.at(), zone), actor, e.actor().role(),
                e.actor().unitId(), e.detail());
    }
}
