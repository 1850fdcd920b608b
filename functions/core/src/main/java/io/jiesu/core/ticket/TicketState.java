package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a ticket stands in its life (docs/domain.md, "The life of a ticket"). */
public enum TicketState {
    /** Taken in, waiting for the dispatch stage. */
    RECEIVED,
    /** No catalogue match (or joint review): a dispatcher must route it by hand. */
    AWAITING_DISPATCH,
    /** Sent to its lead unit, which must sign within the sign window. */
    DISPATCHED,
    /** Signed by the lead unit: being handled. */
    SIGNED,
    /** Returned by the unit as outside its remit; the return stage reroutes it. */
    RETURNED,
    /** Returned too often: the centre fixes the lead unit by hand (联席研判). */
    JOINT_REVIEW,
    /** Replied by the unit; the reply stage opens the callback window. */
    REPLIED,
    /** Waiting for the centre's callback to the citizen. */
    AWAITING_CALLBACK,
    /** Callback recorded; the callback stage closes or reopens it. */
    RATED,
    CLOSED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The refusal of a step this state does not allow, naming the states that do. */
    public Refusal refuses(String step, TicketState... allowed) {
        return Refusal.wrongState("cannot " + step + " a ticket that is " + code() + "; allowed from "
                + java.util.Arrays.stream(allowed).map(TicketState::code).toList());
    }

    /** From the wire code (as in ?state=dispatched); JAX-RS uses this for query parameters. */
    public static TicketState fromString(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean open() {
        return this != CLOSED;
    }
}
