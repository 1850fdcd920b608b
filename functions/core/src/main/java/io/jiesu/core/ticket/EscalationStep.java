package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The escalation ladder for an overdue ticket (docs/domain.md, "The life of a ticket" 8); past the last step it
 * stays there.
 */
public enum EscalationStep {
    SYSTEM_NOTICE, OFFICIAL_DOCUMENT, LEADER_IN_CHARGE;

    public static EscalationStep of(int level) {
        EscalationStep[] steps = values();
        return steps[Math.min(Math.max(level, 1), steps.length) - 1];
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
