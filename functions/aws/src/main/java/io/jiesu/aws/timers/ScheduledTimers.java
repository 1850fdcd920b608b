package io.jiesu.aws.timers;

import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.deadline.Timer;
import io.jiesu.core.ticket.Ticket;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.Target;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Keeps each ticket's one pending timer as an EventBridge Scheduler one-time schedule (named after the
 * ticket) that sends a {@link DeadlineMessage} to the deadline queue and deletes itself after firing. The
 * number of schedules is the number of open tickets with a pending deadline.
 */
public class ScheduledTimers {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SchedulerClient scheduler;
    private final TicketTimers timers;
    private final String group;
    private final String deadlineQueueArn;
    private final String roleArn;
    private final String deadLetterArn;
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    public ScheduledTimers(SchedulerClient scheduler, TicketTimers timers, String group, String deadlineQueueArn,
                           String roleArn) {
        this(scheduler, timers, group, deadlineQueueArn, roleArn, null);
    }

    /**
     * @param deadLetterArn where the scheduler puts a firing it could not deliver after its retries (template.yaml:
     *                      SchedulerDlq); null for none
     */
    public ScheduledTimers(SchedulerClient scheduler, TicketTimers timers, String group, String deadlineQueueArn,
                           String roleArn, String deadLetterArn) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.group = group;
        this.deadlineQueueArn = deadlineQueueArn;
        this.roleArn = roleArn;
        this.deadLetterArn = deadLetterArn;
    }

    public Optional<Timer> next(Ticket ticket) {
        return timers.next(ticket);
    }

    public static String scheduleName(String ticketId) {
        return "ticket-" + ticketId;
    }

    /**
     * Sets, moves or removes the ticket's schedule to match its next deadline, in one call when the caller's
     * idea of whether the schedule exists is right, in two when it is not (e.g. it fired meanwhile).
     */
    public void sync(Ticket ticket, boolean scheduleExists) {
        Optional<Timer> timer = timers.next(ticket);
        String name = scheduleName(ticket.id());
        if (timer.isEmpty()) {
            try {
                calls.incrementAndGet();
                scheduler.deleteSchedule(b -> b.name(name).groupName(group));
            } catch (ResourceNotFoundException e) {
                // fired and deleted itself, or never set
            }
            return;
        }
        Timer t = timer.get();
        String expression = expression(t);
        Target target = io.jiesu.aws.resources.CloudResources.scheduleTarget(deadlineQueueArn, roleArn,
                TicketJson.write(new DeadlineMessage(ticket.id(), ticket.version(), t.kind(), t.at())), deadLetterArn);
        if (scheduleExists) {
            try {
                update(name, expression, target);
            } catch (ResourceNotFoundException e) {
                create(name, expression, target);
            }
        } else {
            try {
                create(name, expression, target);
            } catch (ConflictException e) {
                update(name, expression, target);
            }
        }
    }

    private void create(String name, String expression, Target target) {
        calls.incrementAndGet();
        scheduler.createSchedule(b -> b.name(name).groupName(group).scheduleExpression(expression)
                .scheduleExpressionTimezone("UTC").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                .target(target).actionAfterCompletion(ActionAfterCompletion.DELETE));
    }

    private void update(String name, String expression, Target target) {
        calls.incrementAndGet();
        scheduler.updateSchedule(b -> b.name(name).groupName(group).scheduleExpression(expression)
                .scheduleExpressionTimezone("UTC").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                .target(target).actionAfterCompletion(ActionAfterCompletion.DELETE));
    }

    /** When the timer's schedule fires: at() has whole seconds, rounded up so it never fires before the deadline. */
    private static String expression(Timer t) {
        Instant fireAt = t.at().truncatedTo(ChronoUnit.SECONDS).equals(t.at()) ? t.at()
                : t.at().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return "at(" + AT.format(fireAt) + ")";
    }

    /**
     * Whether the scheduler holds the ticket's timer as it should be: a schedule that delivers this timer, at its
     * instant.
     */
    public boolean holds(String ticketId, Timer timer) {
        try {
            var s = scheduler.getSchedule(b -> b.name(scheduleName(ticketId)).groupName(group));
            return s.scheduleExpression().equals(expression(timer))
                    && TicketJson.read(s.target().input(), DeadlineMessage.class).timer().equals(timer);
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /**
     * The timer the scheduler holds for the ticket (what its schedule will deliver), or empty when it holds none:
     * it fired and deleted itself, or it was never set or was lost.
     */
    public Optional<Timer> held(String ticketId) {
        try {
            String input = scheduler.getSchedule(b -> b.name(scheduleName(ticketId)).groupName(group)).target().input();
            return Optional.of(TicketJson.read(input, DeadlineMessage.class).timer());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The ids of the tickets the scheduler holds a timer for now, from the schedule names in the group. */
    public java.util.Set<String> ticketsWithTimer() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        String prefix = scheduleName("");
        scheduler.listSchedulesPaginator(b -> b.groupName(group).namePrefix(prefix)).schedules()
                .forEach(s -> ids.add(s.name().substring(prefix.length())));
        return ids;
    }

    /** Removes the ticket's schedule, if there is one. */
    public void remove(String ticketId) {
        try {
            calls.incrementAndGet();
            scheduler.deleteSchedule(b -> b.name(scheduleName(ticketId)).groupName(group));
        } catch (ResourceNotFoundException e) {
            // gone already
        }
    }

    /** Scheduler API calls made so far (create, update, delete), for measuring their cost per ticket. */
    public long calls() {
        return calls.get();
    }

    public int count() {
        return scheduler.listSchedulesPaginator(b -> b.groupName(group)).schedules().stream().mapToInt(s -> 1).sum();
    }
}
