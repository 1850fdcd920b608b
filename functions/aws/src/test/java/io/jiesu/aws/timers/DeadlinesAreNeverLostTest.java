package io.jiesu.aws.timers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.aws.Emulators;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.deadline.Timer;
import io.jiesu.core.deadline.TimerKind;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;
import io.jiesu.localcloud.scheduler.MovableClock;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A deadline is never lost: a firing that comes before its instant leaves the timer set (its one-time schedule
 * deleted itself when it fired), and the reconciler gives back every open ticket the timer its state calls for
 * when the scheduler lost it, and takes away schedules no ticket needs. Against DynamoDB Local, ElasticMQ and the
 * scheduler stand-in, on a clock the test moves.
 */
class DeadlinesAreNeverLostTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    private static final TicketTimers TIMERS = new TicketTimers(DEADLINES);
    private static final Actor AGENT = new Actor("agent-1", Role.AGENT, null);
    private static final Actor DISPATCHER = new Actor("dispatcher-1", Role.DISPATCHER, null);

    private MovableClock clock;
    private SchedulerServer scheduler;
    private SchedulerClient schedulerClient;
    private TicketStore store;
    private TicketWorkflow workflow;
    private DeadlineHandler handler;
    private DeadlineFirings firings;
    private ScheduledTimers timers;
    private TimerReconciler reconciler;
    private Map<QueueName, String> queues;
    private String deadLetterArn;

    @BeforeEach
    void freshCloud() {
        clock = new MovableClock(at("2026-03-02T08:00"));
        scheduler = Emulators.newScheduler(clock);
        schedulerClient = Emulators.schedulerClient(scheduler);
        queues = Emulators.newQueues();
        deadLetterArn = CloudResources.createSchedulerDlq(Emulators.sqs());
        store = new TicketStore(Emulators.dynamo(), Emulators.newTable(), new PhoneHash("test-citizen-index-key-0123456789"));
        timers = new ScheduledTimers(schedulerClient, TIMERS, CloudResources.SCHEDULE_GROUP,
                CloudResources.queueArn(Emulators.sqs(), queues.get(QueueName.DEADLINE)),
                CloudResources.LOCAL_SCHEDULER_ROLE_ARN, deadLetterArn);
        workflow = new TicketWorkflow(store, store, new TicketQueues(Emulators.sqs(), queues), timers, clock);
        handler = new DeadlineHandler(workflow, TIMERS, timers, clock);
        firings = new DeadlineFirings(clock, scheduler, queues.get(QueueName.DEADLINE), handler);
        reconciler = new TimerReconciler(store, timers);
    }

    @AfterEach
    void stop() {
        schedulerClient.close();
        scheduler.close();
    }

    // ---- an early firing -----------------------------------------------------------------------------------

    @Test
    void aFiringDeliveredEarlyChangesNothingAndTheDeadlineStillFiresOnTime() {
        String id = dispatchedComplaint("2026-03-02T09:00", "2026-03-02T09:05");
        Timer signDue = TIMERS.next(ticket(id)).orElseThrow();
        assertEquals(new Timer(TimerKind.SIGN_DUE, at("2026-03-02T11:05")), signDue);

        // the scheduler fires at 11:05 by its clock (its one-time schedule deletes itself), but the deadline
        // function's clock reads 11:04:30 when the firing arrives
        clock.set(signDue.at());
        scheduler.fireDue();
        List<Message> fired = Emulators.drain(queues.get(QueueName.DEADLINE));
        assertEquals(1, fired.size());
        assertEquals(0, scheduler.scheduleCount(CloudResources.SCHEDULE_GROUP), "a fired one-time schedule is gone");
        clock.set(at("2026-03-02T11:04:30"));
        Ticket before = ticket(id);
        int history = store.history(id).size();
        assertFalse(handler.handle(TicketJson.read(fired.get(0).body(), DeadlineMessage.class)));

        assertEquals(before.version(), ticket(id).version(), "an early firing changes nothing on the ticket");
        assertEquals(history, store.history(id).size());
        assertEquals(Optional.of(signDue), timers.held(id), "the timer is set again, for the same deadline");
        GetScheduleResponse again = schedule(id);
        assertEquals("at(2026-03-02T03:05:00)", again.scheduleExpression(), "at the same instant (UTC)");
        assertEquals(CloudResources.SCHEDULE_MAX_RETRY_ATTEMPTS, again.target().retryPolicy().maximumRetryAttempts());
        assertEquals(CloudResources.SCHEDULE_MAX_EVENT_AGE_SECONDS, again.target().retryPolicy().maximumEventAgeInSeconds());
        assertEquals(deadLetterArn, again.target().deadLetterConfig().arn(), "undeliverable firings are dead-lettered");

        travelTo("2026-03-02T11:04:59");
        assertEquals(history, store.history(id).size(), "still nothing before 11:05");
        travelTo("2026-03-02T11:05");
        List<TicketEvent> after = store.history(id);
        assertEquals(history + 1, after.size(), "the deadline fires once, at its instant");
        assertEquals(EventType.SIGN_OVERDUE, after.get(after.size() - 1).type());
        assertEquals(signDue.at(), after.get(after.size() - 1).at());
        travelTo("2026-03-02T16:00");
        assertEquals(1, store.history(id).stream().filter(e -> e.type() == EventType.SIGN_OVERDUE).count());
    }

    // ---- the reconciler ------------------------------------------------------------------------------------

    @Test
    void schedulesLostBehindTheSystemsBackAreRestoredAndALeftoverOfAClosedTicketIsDeleted() {
        String dispatched = dispatchedComplaint("2026-03-02T09:00", "2026-03-02T09:05");   // sign due 11:05
        String waiting = received(Category.SUGGESTION, "2026-03-02T09:10");                 // dispatch due 17:30
        String moved = dispatchedComplaint("2026-03-02T09:20", "2026-03-02T09:25");       // sign due 11:25
        String closed = closedLife("2026-03-02T09:30");
        String untouched = received(Category.HELP_REQUEST, "2026-03-02T09:40");
        assertEquals(4, scheduler.scheduleCount(CloudResources.SCHEDULE_GROUP), "one per open ticket with a timer");

        // behind the system's back: two schedules deleted, one moved an hour, one left over for a closed ticket
        schedulerClient.deleteSchedule(b -> b.name(ScheduledTimers.scheduleName(dispatched)).groupName(CloudResources.SCHEDULE_GROUP));
        schedulerClient.deleteSchedule(b -> b.name(ScheduledTimers.scheduleName(waiting)).groupName(CloudResources.SCHEDULE_GROUP));
        GetScheduleResponse right = schedule(moved);
        schedulerClient.updateSchedule(b -> b.name(right.name()).groupName(right.groupName()).scheduleExpression("at(2026-03-02T04:25:00)")
                .flexibleTimeWindow(right.flexibleTimeWindow()).target(right.target()).actionAfterCompletion(right.actionAfterCompletion()));
        schedulerClient.createSchedule(b -> b.name(ScheduledTimers.scheduleName(closed)).groupName(CloudResources.SCHEDULE_GROUP)
                .scheduleExpression("at(2026-03-20T09:30:00)").flexibleTimeWindow(w -> w.mode("OFF"))
                .target(right.target()).actionAfterCompletion(right.actionAfterCompletion()));

        clock.set(at("2026-03-02T10:00"));
        TimerReconciler.Result result = reconciler.reconcile();
        assertEquals(new TimerReconciler.Result(4, 3, 1), result, "four open tickets checked, three timers restored, one removed");
        assertEquals(4, result.repaired());

        assertEquals("at(2026-03-02T03:05:00)", schedule(dispatched).scheduleExpression());
        assertEquals(Optional.of(new Timer(TimerKind.DISPATCH_DUE, at("2026-03-02T17:30"))), timers.held(waiting));
        assertEquals("at(2026-03-02T09:30:00)", schedule(waiting).scheduleExpression());
        assertEquals("at(2026-03-02T03:25:00)", schedule(moved).scheduleExpression(), "moved back to its deadline");
        assertEquals(TIMERS.next(ticket(untouched)), timers.held(untouched));
        assertEquals(Optional.empty(), timers.held(closed), "a closed ticket needs no timer");
        assertEquals(4, scheduler.scheduleCount(CloudResources.SCHEDULE_GROUP));
        assertFalse(store.openTicketIds().toList().contains(closed), "a closed ticket leaves the open-tickets index");

        assertEquals(new TimerReconciler.Result(4, 0, 0), reconciler.reconcile(), "nothing more to repair");

        // and the restored deadlines fire, once, on time
        travelTo("2026-03-02T11:04:59");
        assertEquals(0, count(dispatched, EventType.SIGN_OVERDUE));
        travelTo("2026-03-02T11:05");
        assertEquals(1, count(dispatched, EventType.SIGN_OVERDUE));
        assertEquals(at("2026-03-02T11:05"), last(dispatched).at());
        travelTo("2026-03-02T11:25");
        assertEquals(1, count(moved, EventType.SIGN_OVERDUE));
        assertEquals(at("2026-03-02T11:25"), last(moved).at());
        travelTo("2026-03-02T17:30");
        assertEquals(1, count(waiting, EventType.DISPATCH_OVERDUE));
        assertEquals(at("2026-03-02T17:30"), last(waiting).at());
    }

    @Test
    void aFiringTheSchedulerDroppedIsRestoredPastItsInstantAndActsExactlyOnce() {
        String id = dispatchedComplaint("2026-03-02T09:00", "2026-03-02T09:05");
        clock.set(at("2026-03-02T11:05"));
        scheduler.fireDue();
        assertEquals(1, Emulators.drain(queues.get(QueueName.DEADLINE)).size(), "fired, and the message lost on its way");
        clock.set(at("2026-03-02T11:06"));
        assertEquals(new TimerReconciler.Result(1, 1, 0), reconciler.reconcile());
        travelTo("2026-03-02T11:06");
        assertEquals(1, count(id, EventType.SIGN_OVERDUE), "restored past its instant: it fires at once");
        // a repeat of the same firing (the first one was only late, not lost) changes nothing
        assertFalse(handler.handle(new DeadlineMessage(id, 2, TimerKind.SIGN_DUE, at("2026-03-02T11:05"))));
        assertEquals(1, count(id, EventType.SIGN_OVERDUE));
        assertEquals(new TimerReconciler.Result(1, 0, 0), reconciler.reconcile(), "the next timer (the reminder) is held");
    }

    @Test
    void eachRunIsOneEmbeddedMetricFormatLine() throws Exception {
        JsonNode line = new ObjectMapper().readTree(TimerReconciler.metricLine(new TimerReconciler.Result(45, 2, 1),
                Instant.parse("2026-03-02T02:00:00Z")));
        assertEquals(3, line.path("TimersRepaired").asInt());
        assertEquals(2, line.path("TimersRestored").asInt());
        assertEquals(1, line.path("TimersRemoved").asInt());
        assertEquals(45, line.path("TicketsChecked").asInt());
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("Jiesu", directive.path("Namespace").asText());
        assertEquals("TimersRepaired", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals(Instant.parse("2026-03-02T02:00:00Z").toEpochMilli(), line.path("_aws").path("Timestamp").asLong());
    }

    // ---- lives -----------------------------------------------------------------------------------------------

    private String received(Category category, String localTime) {
        clock.set(at(localTime));
        Transition t = Ticket.receive("T-" + category.code() + "-" + localTime.replace(":", ""),
                new NewTicket(category, Channel.PHONE, "诉求内容", new Citizen("张三", "13812345678"), "和平里", null, false),
                clock.instant(), AGENT, DEADLINES);
        return workflow.create(t, null, "fp").id();
    }

    private String dispatchedComplaint(String receivedAt, String dispatchedAt) {
        String id = received(Category.COMPLAINT, receivedAt);
        step(id, dispatchedAt, t -> t.dispatch("heating-company", List.of(), clock.instant(), DISPATCHER, DEADLINES));
        return id;
    }

    private String closedLife(String receivedAt) {
        String id = received(Category.CONSULTATION, receivedAt);
        Actor unit = new Actor("staff-water", Role.UNIT, "water-authority");
        Actor reviewer = new Actor("reviewer-1", Role.REVIEWER, "water-authority");
        step(id, receivedAt, t -> t.dispatch("water-authority", List.of(), clock.instant(), DISPATCHER, DEADLINES));
        step(id, receivedAt, t -> t.sign(clock.instant(), unit, DEADLINES));
        step(id, receivedAt, t -> t.recordContact(ContactKind.FIRST, null, clock.instant(), unit));
        step(id, receivedAt, t -> t.reply(new Reply("已答复", Outcome.SOLVED, null, "李工", "13900001111", "reviewer-1"),
                clock.instant(), reviewer));
        step(id, receivedAt, t -> t.openCallbackWindow(clock.instant(), Actor.system("reply"), DEADLINES));
        step(id, receivedAt, t -> t.recordCallback(new CallbackResult(Satisfaction.SATISFIED, true, null, null), clock.instant(), AGENT));
        step(id, receivedAt, t -> t.settleCallback(clock.instant(), Actor.system("callback"), DEADLINES));
        assertEquals(TicketState.CLOSED, ticket(id).state());
        return id;
    }

    private void step(String id, String localTime, java.util.function.Function<Ticket, Transition> step) {
        clock.set(at(localTime));
        workflow.apply(id, step);
    }

    /** Moves the clock, fires the due schedules and runs the deadline function on each delivered firing. */
    private void travelTo(String localTime) {
        firings.travelTo(at(localTime));
    }

    private GetScheduleResponse schedule(String id) {
        return schedulerClient.getSchedule(b -> b.name(ScheduledTimers.scheduleName(id)).groupName(CloudResources.SCHEDULE_GROUP));
    }

    private long count(String id, EventType type) {
        return store.history(id).stream().filter(e -> e.type() == type).count();
    }

    private TicketEvent last(String id) {
        List<TicketEvent> h = store.history(id);
        return h.get(h.size() - 1);
    }

    private Ticket ticket(String id) {
        return store.find(id).orElseThrow();
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
