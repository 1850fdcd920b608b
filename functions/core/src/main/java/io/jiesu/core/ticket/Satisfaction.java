package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The citizen's rating at callback (回访). */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
