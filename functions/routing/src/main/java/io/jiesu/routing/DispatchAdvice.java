package io.jiesu.routing;

import io.jiesu.core.catalogue.Route;

import java.util.List;

/**
 * What the dispatch stage should do with a received ticket, and why: the route when it can dispatch without a
 * person, and the model's top three units with their confidence either way (stored on the ticket so a dispatcher
 * sees them, and so a centre can later compare the router's choice with the dispatcher's).
 */
public record DispatchAdvice(Decider decider, Route route, List<Suggestion> suggestions, String modelVersion) {
    public enum Decider {
        /** The channel named a catalogue matter: the published list decides, as before. */
        CATALOGUE_MATTER,
        /** No model yet: the catalogue's keywords decided (today's rule). */
        CATALOGUE_KEYWORDS,
        /** The model was at least as confident as the deployment's threshold. */
        ROUTER,
        /** Nobody could decide with confidence: a dispatcher chooses, with the suggestions in view. */
        DISPATCHER
    }

    public DispatchAdvice {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public boolean automatic() {
        return decider != Decider.DISPATCHER;
    }
}
