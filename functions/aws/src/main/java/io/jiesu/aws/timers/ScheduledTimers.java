package io.jiesu.aws.timers;

import io.jiesu.aws.tickets.TicketJson;
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
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    public ScheduledTimers(SchedulerClient scheduler, TicketTimers timers, String group, String deadlineQueueArn,
                           String roleArn) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.group = group;
        this.deadlineQueueArn = deadlineQueueArn;
        this.roleArn = roleArn;
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
        // at() has whole seconds: round up, so the firing never comes before the deadline
        Instant fireAt = t.at().truncatedTo(ChronoUnit.SECONDS).equals(t.at()) ? t.at()
                : t.at().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String expression = "at(" + AT.format(fireAt) + ")";
        Target target = Target.builder().arn(deadlineQueueArn).roleArn(roleArn)
                .input(TicketJson.write(new DeadlineMessage(ticket.id(), ticket.version(), t.kind(), t.at()))).build();
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

    /** Scheduler API calls made so far (create, update, delete), for measuring their cost per ticket. */
    public long calls() {
        return calls.get();
    }

    public int count() {
        return scheduler.listSchedulesPaginator(b -> b.groupName(group)).schedules().stream().mapToInt(s -> 1).sum();
    }
}
