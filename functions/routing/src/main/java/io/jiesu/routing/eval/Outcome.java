package io.jiesu.routing.eval;

import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.Suggestion;

import java.util.List;

/** One held-out ticket: the unit it belonged to, the model's first choice and its confidence (0 when none). */
record Outcome(String truth, String predicted, double confidence) {
    /** A held-out ticket's outcome from the model's suggestions: the first, or left for a dispatcher when none. */
    static Outcome of(RoutingExample ticket, List<Suggestion> suggestions) {
        return suggestions.isEmpty() ? new Outcome(ticket.unit(), null, 0)
                : new Outcome(ticket.unit(), suggestions.get(0).unit(), suggestions.get(0).confidence());
    }

    boolean right() {
        return truth.equals(predicted);
    }
}
