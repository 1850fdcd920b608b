package io.jiesu.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.localcloud.LocalAws;
import io.jiesu.localcloud.QueueEventSourceMapping;
import io.jiesu.localcloud.testing.TestCloud;
import io.jiesu.stages.local.LocalLambdaContext;
import io.quarkus.funqy.lambda.FunqyLambdaBindingRecorder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/**
 * Feeds the exported function as Lambda does: what is on the function's queue in the local cloud comes off it as SQS
 * messages, and reach the function as the SQS event Lambda builds (QueueEventSourceMapping.sqsEvent), through
 * the entry point AWS's Java runtime calls (FunqyStreamHandler → FunqyLambdaBindingRecorder.handle). What the
 * function answers is Lambda's partial batch response: the records it failed, by message id.
 */
final class Lambda {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the function did with a batch of so many records: the bodies of the records it reported as failed. */
    record Batch(int records, java.util.Set<String> failedBodies, JsonNode response) {
    }

    private Lambda() {
    }

    /**
     * Delivers what is on the queue, as one batch: the messages the workflow put there for the tickets the test
     * prepared, and the extra bodies the test adds (a repeat, a record that must fail). Every message of the batch
     * then leaves the queue, the failed ones too, so that the next test's batch is its own.
     */
    static Batch deliver(QueueName queue, String... extraBodies) {
        try (SqsClient sqs = TestCloud.sqs()) {
            String url = TestCloud.queueUrl(queue);
            for (String body : extraBodies) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
            }
            List<Message> received = receiveAll(sqs, url);
            byte[] event = QueueEventSourceMapping.sqsEvent(received, CloudResources.queueArn(sqs, url), LocalAws.REGION.id());
            JsonNode response = invoke(event);
            Map<String, Message> byId = new LinkedHashMap<>();
            received.forEach(m -> byId.put(m.messageId(), m));
            java.util.Set<String> failed = new java.util.HashSet<>();
            response.path("batchItemFailures").forEach(f -> failed.add(byId.get(f.path("itemIdentifier").asText()).body()));
            received.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
            return new Batch(received.size(), failed, response);
        }
    }

    /** Empties the queue: what earlier tests left there is not this test's batch. */
    static void drain(QueueName queue) {
        try (SqsClient sqs = TestCloud.sqs()) {
            String url = TestCloud.queueUrl(queue);
            receiveAll(sqs, url).forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }

    private static List<Message> receiveAll(SqsClient sqs, String url) {
        List<Message> received = new ArrayList<>();
        List<Message> page;
        do {
            page = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
            received.addAll(page);
        } while (!page.isEmpty());
        return received;
    }

    /**
     * Chooses the function the entry point calls, as the Lambda's start does with QUARKUS_FUNQY_EXPORT: Funqy's own
     * recorder picks the invoker and its SQS event handling from the running app's configuration.
     */
    static void export(String function) {
        io.smallrye.config.SmallRyeConfig config = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .unwrap(io.smallrye.config.SmallRyeConfig.class);
        boolean advanced = config.getValue("quarkus.funqy.amazon-lambda.advanced-event-handling.enabled", Boolean.class);
        io.quarkus.funqy.lambda.config.FunqyAmazonBuildTimeConfig buildTime = () -> () -> advanced;
        new FunqyLambdaBindingRecorder(new io.quarkus.runtime.RuntimeValue<>(() -> java.util.Optional.of(function)), buildTime,
                new io.quarkus.runtime.RuntimeValue<>(config.getConfigMapping(io.quarkus.funqy.lambda.config.FunqyAmazonConfig.class)))
                .chooseInvoker();
    }

    /** Hands the function one event, as the Lambda runtime does, and returns what it answered (null if nothing). */
    static JsonNode invoke(byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FunqyLambdaBindingRecorder.handle(new ByteArrayInputStream(event), out, new LocalLambdaContext(UUID.randomUUID().toString()));
            return out.size() == 0 ? JSON.nullNode() : JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
