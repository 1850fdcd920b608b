package io.jiesu.aws.timers;

import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.ticket.Actor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Acts on a fired deadline: the reminder, the overdue mark and each escalation step, the unanswered
 * callback's closing. A firing that is no longer the ticket's timer (it moved, or an older version set it)
 * changes nothing. A firing that comes before its instant changes nothing either, but its deadline is not done:
 * the timer is set again.
 */
public class DeadlineHandler {
    private static final Logger LOG = Logger.getLogger(DeadlineHandler.class);
    private static final Actor ACTOR = Actor.system("deadline");

    private final TicketWorkflow workflow;
    private final TicketTimers timers;
    private final ScheduledTimers scheduled;
    private final Clock clock;

    public DeadlineHandler(TicketWorkflow workflow, TicketTimers timers, ScheduledTimers scheduled, Clock clock) {
        this.workflow = workflow;
        this.timers = timers;
        this.scheduled = scheduled;
        this.clock = clock;
    }

    public boolean handle(DeadlineMessage m) {
        Instant now = clock.instant();
        return workflow.applyIfDue(m.ticketId(), t -> {
            if (timers.classify(t, m.timer(), now) == TicketTimers.Firing.EARLY) {
                // The one-time schedule deleted itself when it fired, so the ticket has no timer now. Set it again,
                // at the same instant, rather than fail the message for SQS to redeliver: a redelivery comes a
                // visibility timeout later (late by minutes) and, after maxReceiveCount early tries, is dead-lettered
                // with the deadline lost; the schedule is the one place that fires it at its instant. If this call
                // fails, the message fails and is tried again, and the reconciler restores the timer in any case.
                LOG.infof("ticket %s: %s firing came %d ms before its instant; timer set again", m.ticketId(),
                        m.kind().code(), java.time.Duration.between(now, m.at()).toMillis());
                scheduled.sync(t, false);
                return Optional.empty();
            }
            return timers.act(t, m.timer(), now, ACTOR);
        }).isPresent();
    }
}
