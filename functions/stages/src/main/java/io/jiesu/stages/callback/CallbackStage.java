package io.jiesu.stages.callback;

import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.TicketState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/** Closes a rated ticket, or reopens it (重办) to the same unit when the citizen's demand is reasonable. */
@ApplicationScoped
public class CallbackStage {
    private static final Actor ACTOR = Actor.system("callback");

    @Inject
    TicketWorkflow workflow;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    public void handle(TicketMessage m) {
        workflow.applyOnce(m, TicketState.RATED, t -> t.settleCallback(clock.instant(), ACTOR, deadlines));
    }
}
