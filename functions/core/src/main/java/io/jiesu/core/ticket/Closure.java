package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a ticket was closed. */
public enum Closure {
    ANSWERED_ON_SPOT, SATISFIED, BASICALLY_SATISFIED, EXPLAINED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
