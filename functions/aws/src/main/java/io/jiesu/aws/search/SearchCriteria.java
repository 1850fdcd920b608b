package io.jiesu.aws.search;

import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.TicketState;

import java.time.Instant;
import java.util.List;

/**
 * What a ticket search asks for; every field may be null (no filter). {@code leadUnit} chooses the lead unit's
 * index; {@code receivedFrom} (inclusive) and {@code receivedBefore} (exclusive) bound the intake time; each of
 * {@code words} must occur in the content.
 */
public record SearchCriteria(TicketState state, Category category, Channel channel, String leadUnit,
                             Instant receivedFrom, Instant receivedBefore, Boolean overdue, Boolean provincial,
                             List<String> words, Order order) {
    public enum Order {
        /** Newest intake first. */
        INTAKE,
        /** Soonest due first (closed tickets, due no more, last). */
        DUE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** As a query parameter names it (intake, due); null for anything else. */
        public static Order fromString(String code) {
            return java.util.Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst().orElse(null);
        }
    }
}
