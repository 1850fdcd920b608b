package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The "two effective contacts" (两次有效联系), and the face-to-face visit some tickets need. */
public enum ContactKind {
    FIRST, RESULT, ON_SITE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
