package io.jiesu.aws.localstack;

import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.aws.timers.DeadlineMessage;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.deadline.Timer;
import io.jiesu.core.deadline.TimerKind;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.jiesu.aws.localstack.LocalStackCloud.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The deadline timers against LocalStack's EventBridge Scheduler: each ticket's one schedule is created, moved
 * and removed in the deadlines group. LocalStack never fires schedules, so this checks what is stored; firing
 * on time is DeadlinesFireOnTimeTest's, against the embedded scheduler.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackScheduledTimersTest {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final TicketTimers TICKET_TIMERS = new TicketTimers(DEADLINES);

    private SchedulerClient scheduler;
    private String deadlineQueueArn;
    private ScheduledTimers timers;

    @BeforeEach
    void timers() {
        scheduler = LocalStackCloud.scheduler();
        deadlineQueueArn = CloudResources.queueArn(LocalStackCloud.sqs(), LocalStackCloud.queues().get(QueueName.DEADLINE));
        timers = new ScheduledTimers(scheduler, TICKET_TIMERS, CloudResources.SCHEDULE_GROUP, deadlineQueueArn,
                CloudResources.LOCAL_SCHEDULER_ROLE_ARN);
    }

    @Test
    void aTicketsScheduleIsCreatedThenMovedToItsNextDeadline() {
        Instant at = soon();
        Transition received = received(Category.COMPLAINT, "暖气不热", at);
        timers.sync(received.after(), false);
        assertScheduleIs(received.after(), TimerKind.DISPATCH_DUE);

        Transition dispatched = received.after().dispatch("heating-company", List.of(), at.plusSeconds(300), DISPATCH, DEADLINES);
        timers.sync(dispatched.after(), true);
        assertScheduleIs(dispatched.after(), TimerKind.SIGN_DUE);
        assertEquals(List.of(ScheduledTimers.scheduleName(received.after().id())), schedulesOf(received.after().id()),
                "one schedule per ticket, moved, not added");
    }

    @Test
    void aWrongGuessAboutTheSchedulesExistenceStillLeavesTheRightSchedule() {
        Instant at = soon();
        Transition received = received(Category.CONSULTATION, "几点开门", at);
        timers.sync(received.after(), true);    // thought to exist, but does not: created
        assertScheduleIs(received.after(), TimerKind.DISPATCH_DUE);

        Transition dispatched = received.after().dispatch("water-authority", List.of(), at.plusSeconds(60), DISPATCH, DEADLINES);
        timers.sync(dispatched.after(), false); // thought absent, but exists: updated
        assertScheduleIs(dispatched.after(), TimerKind.SIGN_DUE);
        assertEquals(1, schedulesOf(received.after().id()).size());
    }

    @Test
    void aTicketWithNoPendingDeadlineHasNoSchedule() {
        Instant at = soon();
        Transition received = received(Category.SUGGESTION, "增设路灯", at);
        timers.sync(received.after(), false);
        assertScheduleIs(received.after(), TimerKind.DISPATCH_DUE);

        Ticket overdue = received.after().markDispatchOverdue(at.plus(3, ChronoUnit.DAYS), Actor.system("deadline")).after();
        assertTrue(TICKET_TIMERS.next(overdue).isEmpty(), "the ticket waits for a dispatcher with no timer");
        timers.sync(overdue, true);
        String name = ScheduledTimers.scheduleName(overdue.id());
        assertThrows(ResourceNotFoundException.class,
                () -> scheduler.getSchedule(b -> b.name(name).groupName(CloudResources.SCHEDULE_GROUP)));
        assertEquals(List.of(), schedulesOf(overdue.id()));
        assertDoesNotThrow(() -> timers.sync(overdue, true), "removing an absent schedule is no error");
    }

    private void assertScheduleIs(Ticket ticket, TimerKind kind) {
        Timer timer = TICKET_TIMERS.next(ticket).orElseThrow();
        assertEquals(kind, timer.kind());
        GetScheduleResponse s = scheduler.getSchedule(b -> b.name(ScheduledTimers.scheduleName(ticket.id()))
                .groupName(CloudResources.SCHEDULE_GROUP));
        assertEquals(CloudResources.SCHEDULE_GROUP, s.groupName());
        assertEquals("at(" + AT.format(roundedUp(timer.at())) + ")", s.scheduleExpression());
        assertEquals("UTC", s.scheduleExpressionTimezone());
        assertEquals(deadlineQueueArn, s.target().arn(), "fires into the deadline queue");
        assertEquals(new DeadlineMessage(ticket.id(), ticket.version(), timer.kind(), timer.at()),
                TicketJson.read(s.target().input(), DeadlineMessage.class));
    }

    private List<String> schedulesOf(String ticketId) {
        String name = ScheduledTimers.scheduleName(ticketId);
        return scheduler.listSchedulesPaginator(b -> b.groupName(CloudResources.SCHEDULE_GROUP).namePrefix(name))
                .schedules().stream().map(ScheduleSummary::name).filter(name::equals).toList();
    }

    private static Instant roundedUp(Instant at) {
        Instant seconds = at.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(at) ? at : seconds.plusSeconds(1);
    }
}
