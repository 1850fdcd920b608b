package io.jiesu.stages.dispatch;

import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.tickets.TicketWorkflow;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.TicketState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/** Routes a received ticket by the catalogue to its lead and co-units, or holds it for a dispatcher. */
@ApplicationScoped
public class DispatchStage {
    private static final Actor ACTOR = Actor.system("dispatch");

    @Inject
    TicketWorkflow workflow;
    @Inject
    CatalogueStore catalogue;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    public void handle(TicketMessage m) {
        workflow.applyOnce(m, TicketState.RECEIVED, t -> catalogue.current()
                .route(t.matter(), t.content(), t.returnedBy())
                .map(r -> t.dispatch(r.leadUnit(), r.coUnits(), clock.instant(), ACTOR, deadlines))
                .orElseGet(() -> t.awaitDispatcher("no catalogue matter fits", clock.instant(), ACTOR)));
    }
}
