package io.jiesu.core.ticket;

import java.time.Instant;
import java.util.Map;

/**
 * One step in a ticket's append-only history: what happened, to which version, when and by whom.
 * Details never carry the citizen's name or phone.
 */
public record TicketEvent(String ticketId, long version, EventType type, Instant at, Actor actor,
                          Map<String, String> detail) {
    public TicketEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
