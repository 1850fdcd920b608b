package io.jiesu.api.ticket;

import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.TicketEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/** One step of a ticket's history as the API shows it. */
public record HistoryEntry(long version, EventType type, OffsetDateTime at, String actor, Role role, String unit,
                           Map<String, String> detail) {
    static HistoryEntry of(TicketEvent e, ZoneId zone) {
        // a citizen's subject may be their phone number: history shows the role, not the person
        String actor = e.actor().role() == Role.CITIZEN ? "citizen" : e.actor().id();
        return new HistoryEntry(e.version(), e.type(), TicketView.at(e.at(), zone), actor, e.actor().role(),
                e.actor().unitId(), inZone(e.detail(), zone));
    }

    /** A step's times ({@code signDueAt}, {@code replyDueAt}...) are stored as UTC instants; shown in the zone like every other time. */
    private static Map<String, String> inZone(Map<String, String> detail, ZoneId zone) {
        Map<String, String> shown = new TreeMap<>(detail);
        shown.replaceAll((key, value) -> key.endsWith("At") ? instantInZone(value, zone) : value);
        return shown;
    }

    private static String instantInZone(String value, ZoneId zone) {
        try {
            return TicketView.at(Instant.parse(value), zone).toString();
        } catch (DateTimeParseException notAnInstant) {
            return value;
        }
    }
}
