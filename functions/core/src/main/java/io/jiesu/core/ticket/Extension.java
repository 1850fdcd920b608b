package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Locale;

/** A unit's request for more working days (延期), and the hotline centre's decision on it. */
public record Extension(int days, String reason, Instant requestedAt, String requestedBy, Status status,
                        Instant decidedAt, String decidedBy, String note) {

    public enum Status {
        PENDING, APPROVED, REFUSED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Extension decided(boolean approved, Instant at, String by, String why) {
        return new Extension(days, reason, requestedAt, requestedBy, approved ? Status.APPROVED : Status.REFUSED,
                at, by, why);
    }
}
