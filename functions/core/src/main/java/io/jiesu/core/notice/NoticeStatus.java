package io.jiesu.core.notice;

import io.jiesu.core.Refusal;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a notice stands: a draft its unit is writing, published (agents and citizens see it, ahead of its start
 * too), withdrawn (called off or published in error), or ended (published, and its end has passed). Ended is
 * never stored: it follows from the clock ({@link Notice#statusAt}).
 */
public enum NoticeStatus {
    DRAFT, PUBLISHED, WITHDRAWN, ENDED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The refusal of a step this status does not allow. */
    public Refusal refuses(String step) {
        return Refusal.wrongStatus("cannot " + step + " a notice that is " + code());
    }

    @JsonCreator
    public static NoticeStatus fromString(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown notice status '" + code + "'; allowed: "
                        + Arrays.stream(values()).map(NoticeStatus::code).collect(Collectors.joining(", "))));
    }
}
