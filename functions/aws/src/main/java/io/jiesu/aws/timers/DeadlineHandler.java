package io.jiesu.aws.timers;

import io.jiesu.aws.tickets.TicketWorkflow;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.ticket.Actor;

import java.time.Clock;

/**
 * Acts on a fired deadline: the reminder, the overdue mark and each escalation step, the unanswered
 * callback's closing. A firing that is no longer the ticket's timer (it moved, or an older version set it)
 * changes nothing.
 */
public class DeadlineHandler {
    private static final Actor ACTOR = Actor.system("deadline");

    private final TicketWorkflow workflow;
    private final TicketTimers timers;
    private final Clock clock;

    public DeadlineHandler(TicketWorkflow workflow, TicketTimers timers, Clock clock) {
        this.workflow = workflow;
        this.timers = timers;
        this.clock = clock;
    }

    public boolean handle(DeadlineMessage m) {
        return workflow.applyIfDue(m.ticketId(), t -> timers.act(t, m.timer(), clock.instant(), ACTOR)).isPresent();
    }
}
