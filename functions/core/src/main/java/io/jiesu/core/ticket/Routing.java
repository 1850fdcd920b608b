package io.jiesu.core.ticket;

import java.util.List;

/**
 * How the ticket's current lead unit was chosen, and what the learned router proposed for it: kept on the ticket
 * so the dispatcher's console shows the suggestions, the dispatch accuracy rate can be split by who decided, and
 * the next training knows how much each dispatch weighs. Small by design: at most three suggestions.
 *
 * @param dispatchedBy who chose the lead unit of the current dispatch (null while nobody has)
 * @param suggestions  the router's likeliest units, best first, with its confidence (0..1)
 * @param modelVersion the model that made the suggestions (null without one)
 */
public record Routing(DispatchedBy dispatchedBy, List<Suggestion> suggestions, String modelVersion) {
    public static final int MAX_SUGGESTIONS = 3;

    /** A unit the router proposed, with its confidence rounded to three places (a screen shows no more). */
    public record Suggestion(String unit, double confidence) {
        public Suggestion {
            confidence = Math.round(confidence * 1000) / 1000.0;
        }
    }

    public enum DispatchedBy {
        /** The channel named a catalogue matter, or (without a model) the catalogue's keywords decided. */
        CATALOGUE,
        /** The learned router was at least as confident as the deployment's threshold. */
        ROUTER,
        /** A dispatcher chose by hand. */
        DISPATCHER,
        /** The centre fixed the lead unit in joint review after repeated returns. */
        JOINT_REVIEW;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** A person decided (for the accuracy rate's split into router and by hand). */
        public boolean byHand() {
            return this == DISPATCHER || this == JOINT_REVIEW;
        }
    }

    public Routing {
        suggestions = suggestions == null ? List.of()
                : List.copyOf(suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size())));
    }

    Routing by(DispatchedBy who) {
        return new Routing(who, suggestions, modelVersion);
    }
}
