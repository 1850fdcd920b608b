package io.jiesu.aws.notice;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.ticket.Intake;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.notice.Notice;
import io.jiesu.core.notice.NoticeArea;
import io.jiesu.core.notice.NoticeKind;
import io.jiesu.core.notice.NoticeStatus;
import io.jiesu.core.notice.Notices;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.Citizen;
import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.NewTicket;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Intake links a ticket about a notice in force to it, against DynamoDB Local: the ticket's field, its intake event,
 * the notice's count (once, whatever the retries), read through the short cache of notices in force.
 */
class IntakeLinksNoticesTest {
    private static final Instant NOON = NoticeStoreTest.NOON;
    private static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    private static final Actor AGENT = new Actor("agent-1", Role.AGENT, null);

    private final MovableClock clock = new MovableClock(NOON);
    private final AtomicInteger reads = new AtomicInteger();
    private SchedulerServer scheduler;
    private TicketStore tickets;
    private NoticeStore notices;
    private NoticesInForce inForce;
    private Intake intake;
    private TicketWorkflow workflow;

    @BeforeEach
    void fresh() {
        String table = Emulators.newTable();
        tickets = new TicketStore(Emulators.dynamo(), table, new PhoneHash("test-citizen-index-key-0123456789"));
        notices = new NoticeStore(Emulators.dynamo(), table);
        Map<QueueName, String> queues = Emulators.newQueues();
        scheduler = Emulators.newScheduler(clock);
        ScheduledTimers timers = Emulators.timers(Emulators.schedulerClient(scheduler), DEADLINES, queues);
        workflow = new TicketWorkflow(tickets, tickets, new TicketQueues(Emulators.sqs(), queues), timers, clock);
        Notices counted = new CountingNotices(notices, reads);
        inForce = new NoticesInForce(counted, clock, Duration.ofSeconds(10));
        intake = new Intake(workflow, DEADLINES, Policy.defaults(), clock, inForce);
        notices.create(waterCut("N20260310-WATER", NoticeStatus.PUBLISHED));
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private static Notice waterCut(String id, NoticeStatus status) {
        return new Notice(id, 1, NoticeKind.WATER, "和平里停水", "管线维修停水", List.of(NoticeArea.place("和平里")), List.of(),
                NOON.minus(Duration.ofHours(4)), NOON.plus(Duration.ofHours(6)), "water-authority", status,
                NOON.minus(Duration.ofDays(1)), "staff", null, null, null, null, null);
    }

    private static NewTicket call(String location, String content) {
        return new NewTicket(Category.COMPLAINT, Channel.PHONE, content, new Citizen("张三", "13812345678"), location, null, false);
    }

    @Test
    void aTicketFiledInTheNoticedPlaceDuringTheNoticeIsLinkedAndOneOutsideIsNot() {
        Ticket inside = intake.atHotline(call("和平里5号楼", "从早上开始停水了"), AGENT, null, "a").ticket();
        Ticket outside = intake.atHotline(call("安定门东大街1号", "从早上开始停水了"), AGENT, null, "b").ticket();

        assertEquals("N20260310-WATER", tickets.find(inside.id()).orElseThrow().notice());
        assertEquals("N20260310-WATER", tickets.history(inside.id()).get(0).detail().get("notice"));
        assertEquals(EventType.TICKET_RECEIVED, tickets.history(inside.id()).get(0).type());
        assertNull(tickets.find(outside.id()).orElseThrow().notice());
        assertEquals(1, notices.linkedTickets("N20260310-WATER"));
    }

    @Test
    void aRetryOfTheSameIntakeCountsOnce() {
        NewTicket t = call("和平里5号楼", "停水了");
        Intake.Received first = intake.atHotline(t, AGENT, "key-1", "same");
        Intake.Received again = intake.atHotline(t, AGENT, "key-1", "same");
        assertTrue(again.replayed());
        assertEquals(first.ticket().id(), again.ticket().id());
        assertEquals(1, notices.linkedTickets("N20260310-WATER"));
    }

    @Test
    void manyIntakesReadTheNoticesOncePerPeriod() {
        for (int i = 0; i < 20; i++) {
            intake.atHotline(call("和平里" + i + "号楼", "停水了"), AGENT, null, "r" + i);
        }
        assertEquals(1, reads.get(), "twenty intakes within the period, one read of the notices");
        assertEquals(20, notices.linkedTickets("N20260310-WATER"));
        clock.advance(Duration.ofSeconds(11));
        intake.atHotline(call("和平里1号楼", "停水了"), AGENT, null, "later");
        assertEquals(2, reads.get(), "read again once the period has passed");
    }

    @Test
    void aNoticePublishedInThisProcessLinksAtOnceAndAfterItsEndNothingLinks() {
        intake.atHotline(call("和平里1号楼", "没电了"), AGENT, null, "warm-up"); // the cache holds the water cut alone
        Notice power = new Notice("N20260310-POWER", 1, NoticeKind.POWER, "和平里停电", "检修停电", List.of(NoticeArea.place("和平里")),
                List.of(), NOON, NOON.plus(Duration.ofHours(2)), "power-company", NoticeStatus.PUBLISHED, NOON, "dispatcher",
                NOON, "dispatcher", null, null, null);
        notices.create(power);
        inForce.changed();
        assertEquals("N20260310-POWER", intake.atHotline(call("和平里1号楼", "没电了"), AGENT, null, "power").ticket().notice());

        clock.moveTo(NOON.plus(Duration.ofHours(7)));
        assertNull(intake.atHotline(call("和平里5号楼", "停水了"), AGENT, null, "after").ticket().notice(), "the cut has ended");
    }

    @Test
    void whenTheNoticesCannotBeReadTheTicketIsStillTakenIn() {
        Intake blind = new Intake(workflow, DEADLINES, Policy.defaults(), clock, () -> {
            throw new IllegalStateException("table unreachable");
        });
        Ticket t = blind.atHotline(call("和平里5号楼", "停水了"), AGENT, null, "x").ticket();
        assertNull(t.notice());
        assertTrue(tickets.find(t.id()).isPresent());
    }

    /** The store, counting how often the notices in force are read. */
    private record CountingNotices(Notices store, AtomicInteger reads) implements Notices {
        @Override
        public void create(Notice notice) {
            store.create(notice);
        }

        @Override
        public void save(Notice next) {
            store.save(next);
        }

        @Override
        public java.util.Optional<Notice> find(String id) {
            return store.find(id);
        }

        @Override
        public List<Notice> notEndedAt(Instant now) {
            reads.incrementAndGet();
            return store.notEndedAt(now);
        }

        @Override
        public Page list(io.jiesu.core.notice.NoticeQuery query, Instant now, String cursor, int limit) {
            return store.list(query, now, cursor, limit);
        }

        @Override
        public long linkedTickets(String id) {
            return store.linkedTickets(id);
        }
    }
}
