package io.jiesu.aws.timers;

import io.jiesu.aws.ticket.Tickets;
import io.jiesu.core.deadline.Timer;
import io.jiesu.core.ticket.Ticket;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the scheduler back in step with the tickets, so that no deadline is lost: for every open ticket, the timer
 * its state calls for is restored when the scheduler does not hold it (a firing dropped or dead-lettered, a
 * schedule deleted by hand, a timer set by a racing older step), and schedules of tickets that need none any more
 * are deleted. Open tickets are read from their index, never by scanning the table; each is read again
 * (consistently) before anything is changed for it.
 *
 * <p>Restoring a timer whose instant has passed makes it fire at once. If its firing was only in flight, the
 * second delivery finds the step taken and changes nothing, so every deadline still acts exactly once.
 */
public class TimerReconciler {
    private static final Logger LOG = Logger.getLogger(TimerReconciler.class);

    /** What one run found: open tickets checked, timers restored, schedules removed. */
    public record Result(int checked, int restored, int removed) {
        /** Timers the scheduler had wrong: the metric TimersRepaired. */
        public int repaired() {
            return restored + removed;
        }
    }

    /** What a run's schedule sends: the occurrence it fired for (information only; every run does the same). */
    public record Run(String scheduledTime) {
        /** As the schedule's input is written (template.yaml, the local run's ticker). */
        public static final String INPUT = "{\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}";
    }

    private final Tickets store;
    private final ScheduledTimers timers;

    public TimerReconciler(Tickets store, ScheduledTimers timers) {
        this.store = store;
        this.timers = timers;
    }

    public Result reconcile() {
        Set<String> scheduled = timers.ticketsWithTimer();
        Set<String> open = new HashSet<>();
        int checked = 0;
        int restored = 0;
        int removed = 0;
        for (Iterator<String> ids = store.openTicketIds().iterator(); ids.hasNext(); ) {
            String id = ids.next();
            open.add(id);
            Optional<Ticket> ticket = store.find(id);
            if (ticket.isEmpty()) {
                continue;
            }
            checked++;
            Optional<Timer> due = timers.next(ticket.get());
            boolean exists = scheduled.contains(id);
            if (due.isPresent()) {
                if (!exists || !timers.holds(id, due.get())) {
                    restore(ticket.get(), exists);
                    restored++;
                }
            } else if (exists) {
                timers.remove(id);
                removed++;
            }
        }
        // schedules of tickets the index does not list: closed (or not yet in the index, which is eventually
        // consistent, so the ticket itself decides)
        for (String id : scheduled) {
            if (!open.contains(id)) {
                Optional<Ticket> ticket = store.find(id);
                if (ticket.isEmpty() || timers.next(ticket.get()).isEmpty()) {
                    timers.remove(id);
                    removed++;
                }
            }
        }
        Result result = new Result(checked, restored, removed);
        LOG.infof("timers reconciled: checked=%d restored=%d removed=%d", checked, restored, removed);
        return result;
    }

    /**
     * Sets the ticket's timer; if a transition committed meanwhile (its own timer sync may have run before ours and
     * been overwritten), sets it again from the ticket as it is now.
     */
    private void restore(Ticket ticket, boolean exists) {
        timers.sync(ticket, exists);
        store.find(ticket.id()).filter(now -> now.version() != ticket.version()).ifPresent(now -> timers.sync(now, true));
        LOG.infof("ticket %s: timer %s restored", ticket.id(), timers.next(ticket).map(t -> t.kind().code()).orElse("none"));
    }

    /**
     * The run as one CloudWatch Embedded Metric Format line: printed alone on stdout, Lambda's log becomes the
     * metrics Jiesu/TimersRepaired, TimersRestored, TimersRemoved and TicketsChecked, with no extra dependency.
     */
    public static String metricLine(Result r, Instant at) {
        return "{\"_aws\":{\"Timestamp\":" + at.toEpochMilli() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Jiesu\","
                + "\"Dimensions\":[[\"Function\"]],\"Metrics\":[{\"Name\":\"TimersRepaired\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"TimersRestored\",\"Unit\":\"Count\"},{\"Name\":\"TimersRemoved\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"TicketsChecked\",\"Unit\":\"Count\"}]}]},\"Function\":\"reconcile\","
                + "\"TimersRepaired\":" + r.repaired() + ",\"TimersRestored\":" + r.restored() + ",\"TimersRemoved\":"
                + r.removed() + ",\"TicketsChecked\":" + r.checked() + "}";
    }
}
