package io.jiesu.stages.returns;

import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.TicketState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/** Sends a returned ticket back to dispatch, or to joint review (联席研判) when it keeps bouncing. */
@ApplicationScoped
public class ReturnStage {
    private static final Actor ACTOR = Actor.system("return");

    @Inject
    TicketWorkflow workflow;
    @Inject
    Policy policy;
    @Inject
    Clock clock;

    public void handle(TicketMessage m) {
        workflow.applyOnce(m, TicketState.RETURNED,
                t -> t.reroute(policy.returnsBeforeJointReview(), clock.instant(), ACTOR));
    }
}
