package io.jiesu.routing;

import io.jiesu.core.catalogue.Route;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.ticket.Ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dispatch rule with a learned router. The catalogue's explicit matter (a channel that names it) decides
 * first: a published first-responsible list is the centre's own word. Otherwise the model proposes; at or above
 * the threshold the ticket is dispatched to its first suggestion, below it waits for a dispatcher with the three
 * suggestions. The threshold is the deployment's lowest, raised to what the model's training measured on the
 * held-out history for the precision the centre asks ({@link RouterModel#dispatchesAloneFrom}, see
 * docs/decisions/0005-learned-router.md). A unit
 * that returned the ticket is never proposed for it again, and a unit the catalogue no longer lists is never
 * dispatched to automatically. Without a model (a new deployment before its first import) the catalogue's
 * keywords route as before.
 */
public final class LearnedDispatch {
    private final RoutingCatalogue catalogue;
    private final RouterModel model;
    private final double threshold;

    /** @param lowest the deployment's lowest threshold (jiesu.routing.threshold) */
    public LearnedDispatch(RoutingCatalogue catalogue, Optional<RouterModel> model, double lowest) {
        if (!(lowest > 0 && lowest <= 1)) {
            throw new IllegalArgumentException("the dispatch threshold is a confidence in (0, 1], was " + lowest);
        }
        this.catalogue = catalogue;
        this.model = model.orElse(null);
        this.threshold = this.model == null ? lowest : this.model.dispatchesAloneFrom(lowest);
    }

    public DispatchAdvice advise(Ticket t) {
        return advise(t.matter(), text(t), t.returnedBy());
    }

    public static TicketText text(Ticket t) {
        return new TicketText(t.content(), t.category() == null ? null : t.category().name(), t.location(),
                t.channel() == null ? null : t.channel().name());
    }

    public DispatchAdvice advise(String matter, TicketText ticket, Collection<String> returnedBy) {
        Set<String> excluded = Set.copyOf(returnedBy == null ? List.of() : returnedBy);
        // with no text the catalogue's keyword rule cannot fire: only a matter the channel named can decide here
        Optional<Route> named = matter == null ? Optional.empty() : catalogue.route(matter, "", excluded);
        if (named.isPresent()) {
            return new DispatchAdvice(DispatchAdvice.Decider.CATALOGUE_MATTER, named.get(), List.of(), null);
        }
        if (model == null) {
            return catalogue.route(null, ticket.text(), excluded)
                    .map(r -> new DispatchAdvice(DispatchAdvice.Decider.CATALOGUE_KEYWORDS, r, List.of(), null))
                    .orElseGet(() -> new DispatchAdvice(DispatchAdvice.Decider.DISPATCHER, null, List.of(), null));
        }
        List<Suggestion> suggestions = model.suggest(ticket, excluded, Integer.MAX_VALUE).stream()
                .filter(s -> catalogue.units().isEmpty() || catalogue.unit(s.unit()).isPresent())
                .limit(3)
                .toList();
        if (!suggestions.isEmpty() && suggestions.get(0).confidence() >= threshold) {
            Route route = new Route(null, suggestions.get(0).unit(), List.of());
            return new DispatchAdvice(DispatchAdvice.Decider.ROUTER, route, suggestions, model.version());
        }
        return new DispatchAdvice(DispatchAdvice.Decider.DISPATCHER, null, suggestions, model.version());
    }
}
