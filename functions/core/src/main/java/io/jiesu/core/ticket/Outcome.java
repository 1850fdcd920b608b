package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What the reply says: solved, or explained (cannot be met) with its policy basis. */
public enum Outcome {
    SOLVED, EXPLAINED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
