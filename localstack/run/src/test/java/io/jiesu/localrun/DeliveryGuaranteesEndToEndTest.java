package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.resources.QueueName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Nothing lost, nothing twice: repeat deliveries, racing requests and a message that keeps failing. */
@ExtendWith(RunningPipeline.class)
class DeliveryGuaranteesEndToEndTest {

    @Test
    void theSameSqsMessageDeliveredAgainChangesTheTicketOnce(Api api) {
        String dispatcher = api.token("dispatcher");
        String id = api.post("/v1/tickets", api.token("agent"), Api.complaint("夜间施工噪音扰民")).text("id");
        String body = "{\"ticketId\":\"" + id + "\",\"version\":1}";
        // the same message twice more, racing the original delivery
        api.run.sqs().sendMessage(b -> b.queueUrl(api.run.queueUrl(QueueName.DISPATCH)).messageBody(body));
        api.run.sqs().sendMessage(b -> b.queueUrl(api.run.queueUrl(QueueName.DISPATCH)).messageBody(body));
        api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("dispatched"), "dispatched");
        // the copies were sent before this: once the queue holds nothing, visible or in flight, they were handled
        api.awaitQueueDrained(QueueName.DISPATCH);
        JsonNode ticket = api.get("/v1/tickets/" + id, dispatcher).body();
        assertEquals(2, ticket.path("version").asInt(), "intake and one dispatch, nothing more");
        long dispatches = count(api.get("/v1/tickets/" + id + "/history", dispatcher).body(), "ticket_dispatched");
        assertEquals(1, dispatches);
    }

    @Test
    void conflictingRequestsAtOnceLeaveOneWinnerAndAClear409(Api api) {
        String heating = api.unitToken("heating-company");
        int racers = 4;
        // a real race: several signs released together on one ticket. Run one after the other they would lose with
        // "wrong-state"; only requests that read the same version lose on the write's version condition, as
        // "concurrent-change". Retry on fresh tickets until that happens at least once.
        boolean raced = false;
        for (int attempt = 0; attempt < 6 && !raced; attempt++) {
            String id = api.post("/v1/tickets", api.token("agent"), Api.complaint("暖气不热 " + attempt)).text("id");
            api.awaitTicket(id, heating, t -> t.path("state").asText().equals("dispatched"), "dispatched");
            CyclicBarrier start = new CyclicBarrier(racers);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            List<CompletableFuture<Api.Reply>> signs = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                signs.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.post("/v1/tickets/" + id + "/sign", heating, null);
                }, pool));
            }
            List<Api.Reply> replies = signs.stream().map(CompletableFuture::join).toList();
            pool.shutdown();
            assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), "one winner: " + statuses(replies));
            for (Api.Reply loser : replies.stream().filter(r -> r.status() != 200).toList()) {
                assertEquals(409, loser.status(), statuses(replies));
                assertEquals("application/problem+json", loser.raw().headers().firstValue("Content-Type").orElseThrow());
                String type = loser.text("type");
                assertTrue(type.endsWith("/concurrent-change") || type.endsWith("/wrong-state"), type);
                raced |= type.endsWith("/concurrent-change");
            }
            assertEquals(1, count(api.get("/v1/tickets/" + id + "/history", heating).body(), "ticket_signed"));
            assertEquals(3, api.get("/v1/tickets/" + id, heating).body().path("version").asInt(),
                    "intake, dispatch, one sign");
        }
        assertTrue(raced, "no two signs ever read the same version: the race was never run");
    }

    private static String statuses(List<Api.Reply> replies) {
        return replies.stream().map(r -> r.status() + " " + r.text("type")).toList().toString();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the racers never started together", e);
        }
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueueWhileTheRestOfItsBatchSucceeds(Api api) {
        String dispatcher = api.token("dispatcher");
        var dispatchQueue = api.run.queueUrl(QueueName.DISPATCH);
        var dlq = api.run.dlqUrl(QueueName.DISPATCH);
        // three real tickets, their dispatch messages held back by sending them again together with a poison one
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.post("/v1/tickets", api.token("agent"), Api.complaint("食品过期 " + i)).text("id"));
        }
        String poison = "{\"ticketId\":\"T-does-not-exist\",\"version\":1}";
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        batch.add(SendMessageBatchRequestEntry.builder().id("poison").messageBody(poison).build());
        for (int i = 0; i < ids.size(); i++) {
            batch.add(SendMessageBatchRequestEntry.builder().id("m" + i)
                    .messageBody("{\"ticketId\":\"" + ids.get(i) + "\",\"version\":1}").build());
        }
        long failedBefore = api.run.mapping(QueueName.DISPATCH).recordsFailed();
        api.run.sqs().sendMessageBatch(b -> b.queueUrl(dispatchQueue).entries(batch));

        for (String id : ids) {
            JsonNode t = api.awaitTicket(id, dispatcher, x -> x.path("state").asText().equals("dispatched"), "dispatched");
            assertEquals("market-regulation", t.path("leadUnit").asText());
        }
        Message dead = awaitDeadLetter(api, dlq, poison);
        assertEquals(poison, dead.body());
        assertTrue(api.run.mapping(QueueName.DISPATCH).recordsFailed() - failedBefore >= RunningPipeline.MAX_RECEIVE_COUNT,
                "the poison message was tried maxReceiveCount times before it was dead-lettered");
    }

    private static Message awaitDeadLetter(Api api, String dlq, String body) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (Message m : api.run.sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                if (m.body().equals(body)) {
                    return m;
                }
            }
        }
        return fail("the poison message never reached the dead-letter queue");
    }

    static long count(JsonNode history, String type) {
        long n = 0;
        for (JsonNode e : history) {
            if (e.path("type").asText().equals(type)) {
                n++;
            }
        }
        return n;
    }
}
