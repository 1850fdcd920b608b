package io.jiesu.core.deadline;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a ticket's one pending timer is for. */
public enum TimerKind {
    DISPATCH_DUE, SIGN_DUE, REPLY_REMINDER, REPLY_DUE, ESCALATION, CALLBACK_DUE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
