package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Who acts on a ticket (docs/domain.md, "Who is involved"); SYSTEM is a stage acting on its own, PROVINCE the
 * provincial platform sending a ticket down. Neither comes from a bearer token.
 */
public enum Role {
    CITIZEN, AGENT, DISPATCHER, UNIT, REVIEWER, SUPERVISOR, ADMIN, SYSTEM, PROVINCE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
