package io.jiesu.aws.timers;

import io.jiesu.core.Refusal;
import io.jiesu.aws.Emulators;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;
import io.jiesu.localcloud.scheduler.MovableClock;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Deadlines fire on time: the clock moves, the scheduler stand-in fires the tickets' one-time schedules into
 * the deadline queue, and the deadline function acts. Each reminder, escalation step and auto-close must
 * happen exactly once, at the instant the calendar gives (to the minute), and never a minute early.
 */
class DeadlinesFireOnTimeTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    private static final Actor AGENT = new Actor("agent-1", Role.AGENT, null);
    private static final Actor DISPATCHER = new Actor("dispatcher-1", Role.DISPATCHER, null);

    private MovableClock clock;
    private SchedulerServer scheduler;
    private TicketStore store;
    private TicketWorkflow workflow;
    private DeadlineHandler handler;
    private DeadlineFirings firings;
    private ScheduledTimers timers;
    private Map<QueueName, String> queues;

    @BeforeEach
    void freshCloud() {
        clock = new MovableClock(at("2026-01-05T09:00"));
        scheduler = Emulators.newScheduler(clock);
        queues = Emulators.newQueues();
        store = new TicketStore(Emulators.dynamo(), Emulators.newTable(), new PhoneHash("test-citizen-index-key-0123456789"));
        timers = Emulators.timers(Emulators.schedulerClient(scheduler), DEADLINES, queues);
        workflow = new TicketWorkflow(store, store, new TicketQueues(Emulators.sqs(), queues), timers, clock);
        handler = new DeadlineHandler(workflow, new TicketTimers(DEADLINES), timers, clock);
        firings = new DeadlineFirings(clock, scheduler, queues.get(QueueName.DEADLINE), handler);
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void aComplaintDispatchedJustBeforeTheSpringFestivalIsSupervisedOnTheCalendar() {
        String id = receive(Category.COMPLAINT, "2026-02-13T15:50");
        step(id, "2026-02-13T15:55", t -> t.dispatch("heating-company", List.of(), clock.instant(), DISPATCHER, DEADLINES));

        firesExactlyAt(id, "2026-02-13T17:55", EventType.SIGN_OVERDUE);   // sign window: 2 clock hours
        assertEquals(1, ticket(id).supervision().escalationLevel(), "a missed sign window escalates to the first step");
        step(id, "2026-02-14T09:00", t -> t.sign(clock.instant(), unit("heating-company"), DEADLINES)); // make-up Saturday
        assertTrue(ticket(id).signedLate());
        // 15 working days after 02-13: the Spring Festival days off skipped, make-up Saturdays 02-14, 02-28 counted
        assertEquals(at("2026-03-12T17:30"), ticket(id).replyDueAt());
        firesExactlyAt(id, "2026-03-11T17:30", EventType.REPLY_REMINDED);  // one working day before
        firesExactlyAt(id, "2026-03-12T17:30", EventType.REPLY_OVERDUE);
        firesExactlyAt(id, "2026-03-16T17:30", EventType.ESCALATED);       // official document: 2 working days on
        assertEquals(2, ticket(id).supervision().escalationLevel());
        firesExactlyAt(id, "2026-03-18T17:30", EventType.ESCALATED);       // leader in charge: 2 more
        assertEquals(3, ticket(id).supervision().escalationLevel());

        travelTo("2026-04-30T17:30");
        assertEquals(List.of(EventType.SIGN_OVERDUE, EventType.REPLY_REMINDED, EventType.REPLY_OVERDUE,
                EventType.ESCALATED, EventType.ESCALATED), supervisionEvents(id), "each step exactly once");
        assertEquals(0, scheduler.scheduleCount(CloudResources.SCHEDULE_GROUP), "the top of the ladder sets no timer");
    }

    @Test
    void aConsultationTakenInAt23OnAFridayIsDispatchedByTenOnMondayAndClosesUnansweredAfterItsCallbackWindow() {
        String id = receive(Category.CONSULTATION, "2026-03-06T23:00");
        firesExactlyAt(id, "2026-03-09T10:00", EventType.DISPATCH_OVERDUE);
        step(id, "2026-03-09T10:20", t -> t.dispatch("water-authority", List.of(), clock.instant(), DISPATCHER, DEADLINES));
        step(id, "2026-03-09T11:00", t -> t.sign(clock.instant(), unit("water-authority"), DEADLINES));
        step(id, "2026-03-09T11:30", t -> t.recordContact(ContactKind.FIRST, null, clock.instant(), unit("water-authority")));
        assertEquals(at("2026-03-10T17:30"), ticket(id).replyDueAt());
        firesExactlyAt(id, "2026-03-10T14:30", EventType.REPLY_REMINDED);  // three working hours before
        step(id, "2026-03-10T16:00", t -> t.reply(new Reply("已答复", Outcome.SOLVED, null, "李工", "13900001111",
                "reviewer-1"), clock.instant(), new Actor("reviewer-1", Role.REVIEWER, "water-authority")));
        step(id, "2026-03-10T16:01", t -> t.openCallbackWindow(clock.instant(), Actor.system("reply"), DEADLINES));
        firesExactlyAt(id, "2026-03-13T17:30", EventType.TICKET_CLOSED);   // 3 working days, nobody answered
        Ticket closed = ticket(id);
        assertEquals(Closure.BASICALLY_SATISFIED, closed.closure(), "no answer counts as basically satisfied");
        assertTrue(closed.supervision().callbackUnanswered());

        travelTo("2026-04-30T17:30");
        assertEquals(List.of(EventType.DISPATCH_OVERDUE, EventType.REPLY_REMINDED), supervisionEvents(id));
        assertEquals(0, scheduler.scheduleCount(CloudResources.SCHEDULE_GROUP));
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndItsTimer() {
        String id = receive(Category.HELP_REQUEST, "2026-03-02T09:00");
        step(id, "2026-03-02T09:30", t -> t.dispatch("housing-bureau", List.of(), clock.instant(), DISPATCHER, DEADLINES));
        step(id, "2026-03-02T09:45", t -> t.sign(clock.instant(), unit("housing-bureau"), DEADLINES));
        assertEquals(at("2026-03-05T17:30"), ticket(id).replyDueAt());
        step(id, "2026-03-03T10:00", t -> t.requestExtension(2, "需协调产权单位", clock.instant(), unit("housing-bureau"), DEADLINES));
        step(id, "2026-03-03T11:00", t -> t.decideExtension(true, "同意", clock.instant(), DISPATCHER, DEADLINES));
        assertEquals(at("2026-03-09T17:30"), ticket(id).replyDueAt(), "two working days after 03-05");
        Refusal beyond = assertThrows(Refusal.class, () -> ticket(id)
                .requestExtension(1, "还需时间", clock.instant(), unit("housing-bureau"), DEADLINES));
        assertEquals("days", beyond.field(), "a help request runs at most 5 working days in all");

        travelTo("2026-03-04T17:31");
        assertEquals(List.of(), supervisionEvents(id), "the old reminder time passes quietly");
        firesExactlyAt(id, "2026-03-06T17:30", EventType.REPLY_REMINDED);
        firesExactlyAt(id, "2026-03-09T17:30", EventType.REPLY_OVERDUE);
        firesExactlyAt(id, "2026-03-11T17:30", EventType.ESCALATED);
        step(id, "2026-03-12T09:00", t -> t.recordContact(ContactKind.FIRST, null, clock.instant(), unit("housing-bureau")));
        step(id, "2026-03-12T09:30", t -> t.reply(new Reply("已修复", Outcome.SOLVED, null, "赵工", "13900001111",
                "reviewer-2"), clock.instant(), new Actor("reviewer-2", Role.REVIEWER, "housing-bureau")));

        travelTo("2026-04-30T17:30");
        assertEquals(List.of(EventType.REPLY_REMINDED, EventType.REPLY_OVERDUE, EventType.ESCALATED),
                supervisionEvents(id), "a reply stops the ladder");
    }

    @Test
    void theSchedulesAreExactlyTheOpenTicketsWithAPendingDeadline() {
        String waiting = receive(Category.SUGGESTION, "2026-03-02T09:00");
        String dispatched = receive(Category.COMPLAINT, "2026-03-02T09:00");
        step(dispatched, "2026-03-02T09:05", t -> t.dispatch("heating-company", List.of(), clock.instant(), DISPATCHER, DEADLINES));
        String answered = receive(Category.CONSULTATION, "2026-03-02T09:10");
        step(answered, "2026-03-02T09:15", t -> t.dispatch("water-authority", List.of(), clock.instant(), DISPATCHER, DEADLINES));
        step(answered, "2026-03-02T09:20", t -> t.sign(clock.instant(), unit("water-authority"), DEADLINES));
        step(answered, "2026-03-02T09:25", t -> t.recordContact(ContactKind.FIRST, null, clock.instant(), unit("water-authority")));
        step(answered, "2026-03-02T09:30", t -> t.reply(new Reply("已答复", Outcome.SOLVED, null, "钱工", "13900001111",
                "reviewer-3"), clock.instant(), new Actor("reviewer-3", Role.REVIEWER, "water-authority")));
        workflow.create(Ticket.receive("T-spot", new NewTicket(Category.CONSULTATION, Channel.PHONE, "几点开门",
                new Citizen("王五", "13700000000"), null, null, true,
                new io.jiesu.core.ticket.AnsweredFrom("KB-opening-hours", 1, "water-authority")), clock.instant(), AGENT, DEADLINES), null, "fp");
        travelTo("2026-03-02T12:00");   // the complaint's sign window passes: its timer moves to the reply

        long pending = List.of(waiting, dispatched, answered, "T-spot").stream()
                .filter(id -> new TicketTimers(DEADLINES).next(ticket(id)).isPresent()).count();
        assertEquals(2, pending, "the suggestion awaiting dispatch and the dispatched complaint");
        assertEquals(pending, scheduler.scheduleCount(CloudResources.SCHEDULE_GROUP));
        assertEquals(pending, timers.count());
    }

    @Test
    void aLifeOnTimeCostsOneSchedulerCallPerTimerChange() {
        long before = timers.calls();
        String id = receive(Category.COMPLAINT, "2026-03-02T09:00");                     // create: dispatch due
        step(id, "2026-03-02T09:05", t -> t.dispatch("heating-company", List.of(), clock.instant(), DISPATCHER, DEADLINES)); // update: sign due
        step(id, "2026-03-02T09:30", t -> t.sign(clock.instant(), unit("heating-company"), DEADLINES));        // update: reminder
        step(id, "2026-03-02T10:00", t -> t.recordContact(ContactKind.FIRST, null, clock.instant(), unit("heating-company"))); // none
        step(id, "2026-03-03T10:00", t -> t.reply(new Reply("已处理", Outcome.SOLVED, null, "李工", "13900001111",
                "reviewer-1"), clock.instant(), new Actor("reviewer-1", Role.REVIEWER, "heating-company")));   // delete
        step(id, "2026-03-03T10:01", t -> t.openCallbackWindow(clock.instant(), Actor.system("reply"), DEADLINES)); // create: callback due
        step(id, "2026-03-04T10:00", t -> t.recordCallback(new CallbackResult(Satisfaction.SATISFIED, true, null, null),
                clock.instant(), AGENT));                                                                        // delete
        step(id, "2026-03-04T10:01", t -> t.settleCallback(clock.instant(), Actor.system("callback"), DEADLINES)); // none
        assertEquals(TicketState.CLOSED, ticket(id).state());
        assertEquals(6, timers.calls() - before, "eight transitions, six timer changes, one call each");
        assertEquals(0, scheduler.scheduleCount(CloudResources.SCHEDULE_GROUP));
    }

    // ---- time travel -------------------------------------------------------------------------------------

    private String receive(Category category, String localTime) {
        clock.set(at(localTime));
        Transition t = Ticket.receive("T-" + category.code() + "-" + localTime.replace(":", ""),
                new NewTicket(category, Channel.PHONE, "诉求内容", new Citizen("张三", "13812345678"), "和平里", null, false),
                clock.instant(), AGENT, DEADLINES);
        return workflow.create(t, null, "fp").id();
    }

    private void step(String id, String localTime, java.util.function.Function<Ticket, Transition> step) {
        travelTo(localTime);
        workflow.apply(id, step);
    }

    /** Moves the clock, fires the due schedules and runs the deadline function on each delivered firing. */
    private void travelTo(String localTime) {
        firings.travelTo(at(localTime));
    }

    private void firesExactlyAt(String id, String localTime, EventType type) {
        Instant due = at(localTime);
        int before = store.history(id).size();
        travelTo(LocalDateTime.ofInstant(due.minus(Duration.ofMinutes(1)), SHANGHAI).toString());
        assertEquals(before, store.history(id).size(), type.code() + " must not fire before " + localTime);
        travelTo(localTime);
        List<TicketEvent> after = store.history(id);
        assertEquals(before + 1, after.size(), "exactly one step at " + localTime);
        TicketEvent e = after.get(after.size() - 1);
        assertEquals(type, e.type());
        assertEquals(due, e.at(), type.code() + " at " + localTime);
        assertEquals(Role.SYSTEM, e.actor().role());
    }

    private List<EventType> supervisionEvents(String id) {
        return store.history(id).stream().map(TicketEvent::type).filter(t -> switch (t) {
            case DISPATCH_OVERDUE, SIGN_OVERDUE, REPLY_REMINDED, REPLY_OVERDUE, ESCALATED -> true;
            default -> false;
        }).toList();
    }

    private Ticket ticket(String id) {
        return store.find(id).orElseThrow();
    }

    private static Actor unit(String unitId) {
        return new Actor("staff-" + unitId, Role.UNIT, unitId);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
