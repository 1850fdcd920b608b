package io.jiesu.stages.reply;

import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.TicketState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/** Opens the callback window once a unit's reply has left the unit. */
@ApplicationScoped
public class ReplyStage {
    private static final Actor ACTOR = Actor.system("reply");

    @Inject
    TicketWorkflow workflow;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    public void handle(TicketMessage m) {
        workflow.applyOnce(m, TicketState.REPLIED, t -> t.openCallbackWindow(clock.instant(), ACTOR, deadlines));
    }
}
