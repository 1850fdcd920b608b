package io.jiesu.aws.ticket;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.localcloud.LocalAws;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.jiesu.aws.ticket.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Transitions carried to the store and the next queue, with SQS up, down and delivering twice. */
class TicketWorkflowTest {
    private TicketStore store;
    private Map<QueueName, String> queues;
    private TicketWorkflow workflow;
    private SchedulerServer schedulerServer;
    private ScheduledTimers timers;

    @BeforeEach
    void fresh() {
        store = new TicketStore(Emulators.dynamo(), Emulators.newTable(), PHONES);
        queues = Emulators.newQueues();
        schedulerServer = Emulators.newScheduler(Clock.systemUTC());
        timers = Emulators.timers(Emulators.schedulerClient(schedulerServer), DEADLINES, queues);
        workflow = new TicketWorkflow(store, store, new TicketQueues(Emulators.sqs(), queues), timers, Clock.systemUTC());
    }

    @AfterEach
    void stopScheduler() {
        schedulerServer.close();
    }

    @Test
    void aTakenInTicketIsSentToDispatchOnce() {
        Ticket t = workflow.create(received("暖气不热", MONDAY_10AM), "agent-1:k", "fp");
        List<Message> sent = Emulators.drain(queues.get(QueueName.DISPATCH));
        assertEquals(1, sent.size());
        TicketMessage m = TicketJson.read(sent.get(0).body(), TicketMessage.class);
        assertEquals(new TicketMessage(t.id(), 1), m);
        assertTrue(store.pendingOutbox(MONDAY_10AM.plus(Duration.ofDays(3650)), 10).isEmpty(),
                "a sent message leaves the outbox");
    }

    @Test
    void theSameMessageDeliveredTwiceChangesTheTicketOnce() {
        Ticket t = workflow.create(received("暖气不热", MONDAY_10AM), null, "fp");
        TicketMessage m = new TicketMessage(t.id(), t.version());
        var first = workflow.applyOnce(m, TicketState.RECEIVED,
                x -> x.dispatch("heating-company", List.of(), MONDAY_10AM, DISPATCH, DEADLINES));
        var second = workflow.applyOnce(m, TicketState.RECEIVED,
                x -> x.dispatch("water-authority", List.of(), MONDAY_10AM, DISPATCH, DEADLINES));
        assertTrue(first.isPresent());
        assertTrue(second.isEmpty(), "a repeat delivery must change nothing");
        assertEquals("heating-company", store.find(t.id()).orElseThrow().leadUnit());
        assertEquals(1, store.history(t.id()).stream().filter(e -> e.type() == EventType.TICKET_DISPATCHED).count());
    }

    @Test
    void whileSqsIsDownIntakeKeepsTheTicketAndTheRelayDispatchesItOnceWhenSqsIsBack() {
        // an SQS endpoint nobody listens on: every send fails
        SqsClient down = LocalAws.sqs(URI.create("http://127.0.0.1:9"));
        TicketWorkflow duringOutage = new TicketWorkflow(store, store, new TicketQueues(down, queues), timers, Clock.systemUTC());

        Ticket t = duringOutage.create(received("暖气不热", MONDAY_10AM), "agent-1:outage", "fp");
        Ticket retried = duringOutage.create(received("暖气不热", MONDAY_10AM), "agent-1:outage", "fp");
        assertEquals(t.id(), retried.id(), "the client's retry with its Idempotency-Key yields the same ticket");
        assertEquals(TicketState.RECEIVED, store.find(t.id()).orElseThrow().state(), "the ticket is stored durably");
        assertEquals(1, store.pendingOutbox(java.time.Instant.now().plusSeconds(60), 10).size());
        assertTrue(Emulators.drain(queues.get(QueueName.DISPATCH)).isEmpty());

        // SQS is back: the relay sends what the outbox kept, once
        assertEquals(1, workflow.relayPending(Duration.ZERO));
        assertEquals(0, workflow.relayPending(Duration.ZERO));
        List<Message> sent = Emulators.drain(queues.get(QueueName.DISPATCH));
        assertEquals(1, sent.size());
        assertEquals(new TicketMessage(t.id(), 1), TicketJson.read(sent.get(0).body(), TicketMessage.class));
    }

    @Test
    void aProvincesNoticesLeaveInVersionOrderEvenWhenAnEarlierOneWasKeptInTheOutbox() {
        SqsClient down = LocalAws.sqs(URI.create("http://127.0.0.1:9"));
        TicketWorkflow duringOutage = new TicketWorkflow(store, store, new TicketQueues(down, queues), timers, Clock.systemUTC());
        Ticket t = duringOutage.create(Ticket.receiveFromProvince("T-prov-1", complaint("暖气不热"),
                new Ticket.ProvinceRef("gd", "GD-1"), MONDAY_10AM, new io.jiesu.core.ticket.Actor("province-gd",
                        io.jiesu.core.ticket.Role.PROVINCE, null), DEADLINES), "province:gd:GD-1", "GD-1");
        // SQS is back, but the 'accepted' notice (v1) is still in the outbox when the ticket is dispatched (v2)
        workflow.apply(t.id(), x -> x.dispatch("heating-company", List.of(), MONDAY_10AM.plusSeconds(60), DISPATCH, DEADLINES));
        assertTrue(Emulators.drain(queues.get(QueueName.NOTIFY)).isEmpty(), "v2 waits for v1");
        workflow.relayPending(Duration.ZERO);
        List<String> statuses = Emulators.drain(queues.get(QueueName.NOTIFY)).stream()
                .map(m -> TicketJson.read(m.body(), io.jiesu.aws.province.ProvinceNotice.class).status()).toList();
        assertEquals(List.of("accepted", "dispatched"), statuses);
    }
}
