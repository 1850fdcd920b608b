package io.jiesu.stages.dispatch;

import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.routing.LoadedRouter;
import io.jiesu.aws.routing.RoutingConfig;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Routing;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.core.ticket.Transition;
import io.jiesu.routing.DispatchAdvice;
import io.jiesu.routing.LearnedDispatch;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;

/**
 * Routes a received ticket to its lead and co-units, or holds it for a dispatcher: the catalogue's explicit matter
 * first, then the learned router when it is confident enough (jiesu.routing.threshold, raised to what the model's
 * training measured), else a dispatcher with the router's top three in view. Without a model, the catalogue's keywords as before.
 */
@ApplicationScoped
public class DispatchStage {
    private static final Actor ACTOR = Actor.system("dispatch");

    @Inject
    TicketWorkflow workflow;
    @Inject
    CatalogueStore catalogue;
    @Inject
    LoadedRouter router;
    @Inject
    RoutingConfig routing;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    /** The dispatch function loads its model as it starts (on Lambda: inside the SnapStart snapshot). */
    void loadTheModel(@Observes StartupEvent started, @ConfigProperty(name = "quarkus.funqy.export") String export) {
        if ("dispatch".equals(export)) {
            try {
                router.current();
            } catch (RuntimeException e) {
                // the table unreachable at start: the first ticket tries again; the function must still start
                java.util.logging.Logger.getLogger(DispatchStage.class.getName())
                        .warning("router model not loaded at start: " + e.getMessage());
            }
        }
    }

    public void handle(TicketMessage m) {
        workflow.applyOnce(m, TicketState.RECEIVED, this::route);
    }

    private Transition route(Ticket t) {
        DispatchAdvice advice = new LearnedDispatch(catalogue.current(), router.current(), routing.threshold()).advise(t);
        List<Routing.Suggestion> suggestions = advice.suggestions().stream()
                .map(s -> new Routing.Suggestion(s.unit(), s.confidence())).toList();
        return switch (advice.decider()) {
            case CATALOGUE_MATTER, CATALOGUE_KEYWORDS -> t.dispatch(advice.route().leadUnit(), advice.route().coUnits(),
                    clock.instant(), ACTOR, deadlines);
            case ROUTER -> t.dispatchByRouter(advice.route().leadUnit(), suggestions, advice.modelVersion(),
                    clock.instant(), ACTOR, deadlines);
            case DISPATCHER -> t.awaitDispatcher(suggestions.isEmpty() ? "no catalogue matter fits"
                            : "the router is not confident enough", suggestions, advice.modelVersion(),
                    clock.instant(), ACTOR);
        };
    }
}
