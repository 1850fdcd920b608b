package io.jiesu.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class ElasticMqServerTest {

    private static ElasticMqServer server;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        server = ElasticMqServer.start();
        sqs = LocalAws.sqs(server.endpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        server.close();
    }

    @Test
    void closeStopsTheServerAndItsActorSystem() throws InterruptedException {
        ElasticMqServer other = ElasticMqServer.start();
        try (SqsClient client = LocalAws.sqs(other.endpoint())) {
            client.createQueue(b -> b.queueName("short-lived"));
            assertTrue(client.listQueues().queueUrls().get(0).contains(":" + other.endpoint().getPort() + "/"));
        }
        other.close();
        Threads.awaitNone(Threads.named("elasticmq-" + other.endpoint().getPort() + "-"), Duration.ofSeconds(5));
    }

    @Test
    void closeDoesNotWaitForALongPollInFlight() throws Exception {
        ElasticMqServer other = ElasticMqServer.start();
        try (SqsClient client = LocalAws.sqs(other.endpoint())) {
            String url = client.createQueue(b -> b.queueName("polled")).queueUrl();
            CompletableFuture<?> poll = CompletableFuture.runAsync(() -> client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)));
            Thread.sleep(1000); // the receive is at the server, waiting for a message
            assertFalse(poll.isDone());
            // a graceful stop would wait out the receive's 20 seconds
            assertTimeoutPreemptively(Duration.ofSeconds(10), other::close);
            Threads.awaitNone(Threads.named("elasticmq-" + other.endpoint().getPort() + "-"), Duration.ofSeconds(5));
        } finally {
            other.close();
        }
    }

    @Test
    void queueUrlsPointBackAtTheServer() {
        String url = sqs.createQueue(b -> b.queueName("urls")).queueUrl();
        URI uri = URI.create(url);
        assertEquals("127.0.0.1", uri.getHost());
        assertEquals(server.endpoint().getPort(), uri.getPort());
        assertEquals("/000000000000/urls", uri.getPath());
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        assertEquals("arn:aws:sqs:us-east-1:000000000000:urls", arn);

        sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
        assertEquals(1, got.size());
        assertEquals("hello", got.get(0).body());
    }

    @Test
    void messageThatKeepsFailingIsDeadLetteredAfterMaxReceiveCount() {
        String dlq = sqs.createQueue(b -> b.queueName("failing-dlq")).queueUrl();
        String queue = Queues.withDeadLetterQueue(sqs, "failing", dlq, 2);
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("poison"));

        // A consumer that never deletes: each receive is a failed attempt; the message comes back after 1 s.
        List<String> receiveCounts = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Message> deadLettered = List.of();
        while (deadLettered.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not dead-lettered in time; receive counts seen: " + receiveCounts);
            }
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages()) {
                receiveCounts.add(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
            }
            deadLettered = sqs.receiveMessage(b -> b.queueUrl(dlq)).messages();
        }

        assertEquals(List.of("1", "2"), receiveCounts);
        assertEquals("poison", deadLettered.get(0).body());
        Map<QueueAttributeName, String> left = Queues.counts(sqs, queue);
        assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertTrue(sqs.receiveMessage(b -> b.queueUrl(queue)).messages().isEmpty());
    }
}
