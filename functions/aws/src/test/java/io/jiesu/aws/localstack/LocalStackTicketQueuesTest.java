package io.jiesu.aws.localstack;

import io.jiesu.aws.queues.OutboxMessage;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.resources.CloudTemplate;
import io.jiesu.aws.resources.QueueName;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The SQS sender against LocalStack's SQS, on the queues CloudResources.createQueues makes from template.yaml. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackTicketQueuesTest {
    private final Map<QueueName, String> queues = LocalStackCloud.queues();
    private final TicketQueues sender = new TicketQueues(LocalStackCloud.sqs(), queues);
    /** Marks this test's messages: the queues are shared by the test JVM. */
    private final String run = UUID.randomUUID().toString();

    @Test
    void eachMessageLandsInItsOwnQueueAndNoOther() {
        for (QueueName q : QueueName.values()) {
            sender.send(new OutboxMessage("T-" + q, 1, q, body(q), Instant.now()));
        }
        for (QueueName q : QueueName.values()) {
            assertEquals(List.of(body(q)), receiveOurs(queues.get(q), 1), q + " holds its message, and only it");
        }
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimesWithoutSuccessGoesToItsDeadLetterQueue() {
        String url = queues.get(QueueName.RETURN);
        Map<QueueAttributeName, String> attributes = LocalStackCloud.sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY)).attributes();
        CloudTemplate.Queue declared = CloudTemplate.get().queue("ReturnQueue");
        assertEquals(declared.visibilityTimeout().toString(), attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertTrue(attributes.get(QueueAttributeName.REDRIVE_POLICY).contains(QueueName.RETURN.localDlqName()),
                attributes.get(QueueAttributeName.REDRIVE_POLICY));

        sender.send(new OutboxMessage("T-poison", 1, QueueName.RETURN, body(QueueName.RETURN), Instant.now()));
        // a function that keeps failing: each receive lets the message go again at once
        for (int i = 0; i < declared.maxReceiveCount(); i++) {
            assertTrue(receiveOnceOurs(url, 0).contains(body(QueueName.RETURN)), "receive " + (i + 1));
        }
        // the next receive finds it spent and moves it to the DLQ, as SQS does
        assertEquals(List.of(), receiveOnceOurs(url, 0), "not delivered a " + (declared.maxReceiveCount() + 1) + "th time");
        String dlqUrl = LocalStackCloud.sqs().getQueueUrl(b -> b.queueName(QueueName.RETURN.localDlqName())).queueUrl();
        assertEquals(List.of(body(QueueName.RETURN)), receiveOurs(dlqUrl, 1), "dead-lettered after "
                + declared.maxReceiveCount() + " receives");
    }

    private String body(QueueName q) {
        return "{\"run\":\"" + run + "\",\"queue\":\"" + q + "\"}";
    }

    /** Receives (and deletes) this test's messages until {@code expected} came or 10 s passed. */
    private List<String> receiveOurs(String url, int expected) {
        List<String> ours = new ArrayList<>();
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (ours.size() < expected && Instant.now().isBefore(until)) {
            for (Message m : LocalStackCloud.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                LocalStackCloud.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                if (m.body().contains(run)) {
                    ours.add(m.body());
                }
            }
        }
        return ours;
    }

    /** One receive that leaves the messages in the queue, visible again after {@code visibility} seconds. */
    private List<String> receiveOnceOurs(String url, int visibility) {
        return LocalStackCloud.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(2)
                        .visibilityTimeout(visibility)).messages().stream()
                .map(Message::body).filter(body -> body.contains(run)).toList();
    }
}
