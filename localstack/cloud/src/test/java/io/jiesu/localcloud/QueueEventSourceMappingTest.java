package io.jiesu.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class QueueEventSourceMappingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger QUEUES = new AtomicInteger();

    private static ElasticMqServer elasticMq;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        elasticMq = ElasticMqServer.start();
        sqs = LocalAws.sqs(elasticMq.endpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.close();
    }

    @Test
    void succeededRecordsAreDeletedAndTheFailingOneIsRedeliveredThenDeadLettered() throws Exception {
        String dlq = sqs.createQueue(b -> b.queueName(uniqueName("tickets-dlq"))).queueUrl();
        String queue = Queues.withDeadLetterQueue(sqs, uniqueName("tickets"), dlq, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String body = "ticket-" + i;
            ids.add(sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body)).messageId());
        }
        String poison = ids.get(2);

        // messageId -> the ApproximateReceiveCount of every delivery the function saw
        Map<String, List<String>> deliveries = Collections.synchronizedMap(new LinkedHashMap<>());
        try (QueueEventSourceMapping mapping =
                new QueueEventSourceMapping(sqs, queue, "stage", 10, Duration.ofSeconds(10))) {
            mapping.start();
            FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
            CompletableFuture<Void> loop = CompletableFuture.runAsync(() -> {
                try {
                    while (true) {
                        FakeFunction.Invocation invocation = function.next(WAIT);
                        List<String> failed = new ArrayList<>();
                        for (JsonNode record : invocation.event().get("Records")) {
                            String id = record.get("messageId").asText();
                            deliveries.computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(record.get("attributes").get("ApproximateReceiveCount").asText());
                            if (id.equals(poison)) {
                                failed.add(id);
                            }
                        }
                        int status = function.respond(invocation.requestId(), FakeFunction.failing(failed));
                        if (status != 202) {
                            throw new IllegalStateException("/response answered " + status);
                        }
                    }
                } catch (IOException closed) {
                    // the mapping closed the Runtime API under us: the end of the test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            List<Message> deadLettered = new ArrayList<>();
            awaitTrue("poison message in the DLQ", () -> {
                if (loop.isDone()) {
                    loop.join(); // surfaces the function thread's failure
                    fail("the function stopped polling early");
                }
                deadLettered.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages());
                return !deadLettered.isEmpty();
            });
            awaitTrue("source queue empty", () -> Queues.total(sqs, queue) == 0);

            assertEquals(1, deadLettered.size());
            assertEquals(poison, deadLettered.get(0).messageId());
            assertEquals("ticket-2", deadLettered.get(0).body());
            for (String id : ids) {
                List<String> expected = id.equals(poison) ? List.of("1", "2") : List.of("1");
                assertEquals(expected, deliveries.get(id), "deliveries of " + id + ": " + deliveries);
            }
            assertEquals(4, mapping.recordsSucceeded());
            assertEquals(2, mapping.recordsFailed());
            assertTrue(mapping.batchesDelivered() >= 2, "batches: " + mapping.batchesDelivered());
            mapping.close();
            loop.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void eventAndHeadersAreWhatLambdaSends() throws Exception {
        String queue = sqs.createQueue(b -> b.queueName(uniqueName("shape"))).queueUrl();
        String body = "{\"ticket\":\"T-9\",\"text\":\"噪音扰民\"}";
        byte[] binary = {0, 1, 2, (byte) 0xff};
        String messageId = sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body).messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("complaint").build(),
                "priority", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromByteArray(binary)).build()))).messageId();

        try (QueueEventSourceMapping mapping =
                new QueueEventSourceMapping(sqs, queue, "classify", 10, Duration.ofSeconds(30))) {
            mapping.start();
            FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
            long before = System.currentTimeMillis();
            FakeFunction.Invocation invocation = function.next(WAIT);

            var headers = invocation.headers();
            assertEquals("application/json", headers.firstValue("Content-Type").orElse(null));
            assertFalse(invocation.requestId().isBlank());
            long deadline = Long.parseLong(headers.firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
            assertTrue(deadline >= before + 29_000 && deadline <= System.currentTimeMillis() + 30_000,
                    "deadline " + deadline);
            assertEquals("arn:aws:lambda:us-east-1:000000000000:function:classify",
                    headers.firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse(null));
            assertTrue(headers.firstValue("Lambda-Runtime-Trace-Id").orElse("")
                    .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0"));

            JsonNode records = invocation.event().get("Records");
            assertEquals(1, records.size());
            JsonNode record = records.get(0);
            List<String> fields = new ArrayList<>();
            record.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("messageId", "receiptHandle", "body", "attributes", "messageAttributes",
                    "md5OfBody", "md5OfMessageAttributes", "eventSource", "eventSourceARN", "awsRegion"), fields);
            assertEquals(messageId, record.get("messageId").asText());
            assertFalse(record.get("receiptHandle").asText().isBlank());
            assertEquals(body, record.get("body").asText());
            assertEquals(md5(body), record.get("md5OfBody").asText());
            assertEquals("aws:sqs", record.get("eventSource").asText());
            String queueName = queue.substring(queue.lastIndexOf('/') + 1);
            assertEquals("arn:aws:sqs:us-east-1:000000000000:" + queueName, record.get("eventSourceARN").asText());
            assertEquals(mapping.eventSourceArn(), record.get("eventSourceARN").asText());
            assertEquals("us-east-1", record.get("awsRegion").asText());

            JsonNode attributes = record.get("attributes");
            List<String> attributeNames = new ArrayList<>();
            attributes.fieldNames().forEachRemaining(attributeNames::add);
            assertEquals(List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                    "ApproximateFirstReceiveTimestamp"), attributeNames.subList(0, 4), "attributes: " + attributes);
            assertEquals("1", attributes.get("ApproximateReceiveCount").asText());
            assertTrue(attributes.get("ApproximateReceiveCount").isTextual());
            long sent = Long.parseLong(attributes.get("SentTimestamp").asText());
            long firstReceive = Long.parseLong(attributes.get("ApproximateFirstReceiveTimestamp").asText());
            assertTrue(sent <= firstReceive && firstReceive <= System.currentTimeMillis(), attributes.toString());

            JsonNode messageAttributes = record.get("messageAttributes");
            assertEquals(jsonOf("{\"stringValue\":\"complaint\",\"stringListValues\":[],\"binaryListValues\":[],"
                    + "\"dataType\":\"String\"}"), messageAttributes.get("kind"));
            assertEquals(jsonOf("{\"stringValue\":\"3\",\"stringListValues\":[],\"binaryListValues\":[],"
                    + "\"dataType\":\"Number\"}"), messageAttributes.get("priority"));
            assertEquals(jsonOf("{\"binaryValue\":\"" + Base64.getEncoder().encodeToString(binary) + "\","
                    + "\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"Binary\"}"),
                    messageAttributes.get("blob"));

            // An empty body is a Java handler that returned nothing: the batch succeeded.
            assertEquals(202, function.respond(invocation.requestId(), ""));
            assertEquals(0, Queues.total(sqs, queue));
            assertEquals(1, mapping.recordsSucceeded());
            assertEquals(0, mapping.recordsFailed());
            assertEquals(1, mapping.batchesDelivered());
        }
    }

    @Test
    void errorFailsTheWholeBatchAndItComesBack() throws Exception {
        String queue = shortVisibilityQueue("errors");
        Set<String> sent = Set.of(
                sqs.sendMessage(b -> b.queueUrl(queue).messageBody("a")).messageId(),
                sqs.sendMessage(b -> b.queueUrl(queue).messageBody("b")).messageId());

        try (QueueEventSourceMapping mapping =
                new QueueEventSourceMapping(sqs, queue, "errors", 10, Duration.ofSeconds(30))) {
            mapping.start();
            FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
            FakeFunction.Invocation first = function.next(WAIT);
            assertEquals(sent, Set.copyOf(first.messageIds()));
            assertEquals(202, function.error(first.requestId(),
                    "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"));
            assertEquals(2, mapping.recordsFailed());
            assertEquals(2, Queues.total(sqs, queue), "nothing may be deleted after /error");

            FakeFunction.Invocation second = function.next(WAIT);
            assertEquals(sent, Set.copyOf(second.messageIds()));
            second.event().get("Records").forEach(r ->
                    assertEquals("2", r.get("attributes").get("ApproximateReceiveCount").asText()));
            assertEquals(202, function.respond(second.requestId(), "null"));
            assertEquals(0, Queues.total(sqs, queue));
            assertEquals(2, mapping.recordsSucceeded());
        }
    }

    @Test
    void timeoutFailsTheBatchAndALateAnswerIsRefused() throws Exception {
        String queue = shortVisibilityQueue("slow");
        String id = sqs.sendMessage(b -> b.queueUrl(queue).messageBody("slow")).messageId();

        try (QueueEventSourceMapping mapping =
                new QueueEventSourceMapping(sqs, queue, "slow", 10, Duration.ofMillis(500))) {
            mapping.start();
            FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
            FakeFunction.Invocation first = function.next(WAIT);
            awaitTrue("timeout to fail the batch", () -> mapping.recordsFailed() == 1);

            assertEquals(400, function.respond(first.requestId(), "{}"));
            assertEquals(0, mapping.recordsSucceeded());
            assertEquals(1, Queues.total(sqs, queue));

            FakeFunction.Invocation second = function.next(WAIT);
            assertEquals(List.of(id), second.messageIds());
            assertEquals(202, function.respond(second.requestId(), "{\"batchItemFailures\":[]}"));
            assertEquals(0, Queues.total(sqs, queue));
        }
    }

    @Test
    void anItemIdentifierNotInTheBatchFailsTheWholeBatch() throws Exception {
        String queue = shortVisibilityQueue("bad-ids");
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("x"));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("y"));

        try (QueueEventSourceMapping mapping =
                new QueueEventSourceMapping(sqs, queue, "bad-ids", 10, Duration.ofSeconds(30))) {
            mapping.start();
            FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
            FakeFunction.Invocation invocation = function.next(WAIT);
            assertEquals(2, invocation.messageIds().size());
            assertEquals(202, function.respond(invocation.requestId(), FakeFunction.failing(List.of("no-such-id"))));
            assertEquals(2, mapping.recordsFailed());
            assertEquals(0, mapping.recordsSucceeded());
            assertEquals(2, Queues.total(sqs, queue));
        }
    }

    @Test
    void batchSizeLimitsRecordsPerEvent() throws Exception {
        String queue = shortVisibilityQueue("small-batches");
        for (int i = 0; i < 3; i++) {
            String body = "m" + i;
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body));
        }
        try (QueueEventSourceMapping mapping =
                new QueueEventSourceMapping(sqs, queue, "small", 2, Duration.ofSeconds(30))) {
            mapping.start();
            FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
            int records = 0;
            while (records < 3) {
                FakeFunction.Invocation invocation = function.next(WAIT);
                assertTrue(invocation.messageIds().size() <= 2, invocation.event().toString());
                records += invocation.messageIds().size();
                assertEquals(202, function.respond(invocation.requestId(), "{}"));
            }
            assertEquals(3, mapping.recordsSucceeded());
            assertTrue(mapping.batchesDelivered() >= 2);
            assertEquals(0, Queues.total(sqs, queue));
        }
        assertThrows(IllegalArgumentException.class, () -> new QueueEventSourceMapping(sqs, queue, "f", 11,
                Duration.ofSeconds(1)));
    }

    @Test
    void messagesStayInTheQueueWhileNoFunctionIsWaiting() throws Exception {
        String queue = shortVisibilityQueue("idle");
        try (QueueEventSourceMapping mapping = new QueueEventSourceMapping(sqs, queue, "idle")) {
            mapping.start();
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("waiting"));
            // Longer than one receive long-poll: a poller that received without a caller would have taken it.
            Thread.sleep(1500);
            assertEquals("1", Queues.counts(sqs, queue).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            assertEquals(0, mapping.batchesDelivered());

            FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
            FakeFunction.Invocation invocation = function.next(WAIT);
            assertEquals("waiting", invocation.event().get("Records").get(0).get("body").asText());
            assertEquals(202, function.respond(invocation.requestId(), "{}"));
        }
    }

    @Test
    void closeReleasesABlockedNextPromptly() throws Exception {
        String queue = shortVisibilityQueue("closing");
        QueueEventSourceMapping mapping = new QueueEventSourceMapping(sqs, queue, "closing");
        mapping.start();
        FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
        CompletableFuture<FakeFunction.Invocation> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return function.next(Duration.ofSeconds(30));
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        // Make sure the request reached the server and is parked there before closing.
        Thread.sleep(300);
        assertFalse(blocked.isDone());

        long start = System.nanoTime();
        mapping.close();
        ExecutionException released = assertThrows(ExecutionException.class, () -> blocked.get(5, TimeUnit.SECONDS));
        assertTrue(released.getCause().getCause() instanceof IOException, released.toString());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "close took too long");
        assertEquals(0, mapping.batchesDelivered());
    }

    @Test
    void initErrorIsAcknowledgedAndUnknownRequestsAreRefused() throws Exception {
        String queue = shortVisibilityQueue("init");
        try (QueueEventSourceMapping mapping = new QueueEventSourceMapping(sqs, queue, "init")) {
            mapping.start();
            FakeFunction function = new FakeFunction(mapping.runtimeApiAddress());
            assertEquals(202, function.post("/init/error",
                    "{\"errorMessage\":\"no config\",\"errorType\":\"java.lang.RuntimeException\"}"));
            assertEquals(400, function.respond("no-such-request", "{}"));
            assertEquals(400, function.error("no-such-request", "{}"));
            assertEquals(404, function.post("/invocation/whatever", "{}"));
        }
    }

    @Test
    void batchItemFailuresFollowLambdasRules() {
        Set<String> batch = Set.of("m1", "m2");
        assertEquals(Set.of(), failed(""));
        assertEquals(Set.of(), failed("null"));
        assertEquals(Set.of(), failed("{}"));
        assertEquals(Set.of(), failed("{\"batchItemFailures\":null}"));
        assertEquals(Set.of(), failed("{\"batchItemFailures\":[]}"));
        assertEquals(Set.of("m2"), failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}"));
        assertEquals(batch, failed(FakeFunction.failing(List.of("m1", "m2"))));
        assertNull(failed("{not json"));
        assertNull(failed("\"OK\""));
        assertNull(failed("{\"batchItemFailures\":{}}"));
        assertNull(failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"m3\"}]}"));
        assertNull(failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}"));
        assertNull(failed("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}"));
        assertNull(failed("{\"batchItemFailures\":[{\"id\":\"m1\"}]}"));
    }

    private static Set<String> failed(String body) {
        return QueueEventSourceMapping.failedItems(body.getBytes(StandardCharsets.UTF_8), Set.of("m1", "m2"));
    }

    private static String shortVisibilityQueue(String prefix) {
        String name = uniqueName(prefix);
        return sqs.createQueue(b -> b.queueName(name)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"))).queueUrl();
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + QUEUES.incrementAndGet();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static JsonNode jsonOf(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
