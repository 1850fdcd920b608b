package io.jiesu.aws;

import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.localcloud.DynamoDbLocalServer;
import io.jiesu.localcloud.ElasticMqServer;
import io.jiesu.localcloud.LocalAws;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** DynamoDB Local and ElasticMQ, started once for this test JVM; each test takes its own table and queues. */
public final class Emulators {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static DynamoDbLocalServer dynamoServer;
    private static ElasticMqServer sqsServer;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;

    private Emulators() {
    }

    public static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamoServer = DynamoDbLocalServer.start();
            dynamo = LocalAws.dynamo(dynamoServer.endpoint());
        }
        return dynamo;
    }

    public static synchronized SqsClient sqs() {
        if (sqs == null) {
            sqsServer = ElasticMqServer.start();
            sqs = LocalAws.sqs(sqsServer.endpoint());
        }
        return sqs;
    }

    /** A fresh table shaped as CloudResources defines it. */
    public static String newTable() {
        String name = CloudResources.TABLE + "-" + SEQ.incrementAndGet();
        CloudResources.createTable(dynamo(), name);
        return name;
    }

    /** The work queues and DLQs, emptied: each test starts with nothing waiting. */
    public static Map<QueueName, String> newQueues() {
        Map<QueueName, String> urls = CloudResources.createQueues(sqs(), 2, 1);
        urls.values().forEach(u -> sqs().purgeQueue(b -> b.queueUrl(u)));
        return urls;
    }

    /** A scheduler stand-in of the test's own, on the test's clock, firing into ElasticMQ. */
    public static SchedulerServer newScheduler(Clock clock) {
        return SchedulerServer.start(clock, sqs());
    }

    public static SchedulerClient schedulerClient(SchedulerServer server) {
        SchedulerClient client = SchedulerClient.builder().endpointOverride(server.endpoint()).region(LocalAws.REGION)
                .credentialsProvider(LocalAws.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        CloudResources.createScheduleGroup(client);
        return client;
    }

    /** Receives and deletes every message a queue holds now. */
    public static java.util.List<software.amazon.awssdk.services.sqs.model.Message> drain(String url) {
        java.util.List<software.amazon.awssdk.services.sqs.model.Message> all = new java.util.ArrayList<>();
        java.util.List<software.amazon.awssdk.services.sqs.model.Message> batch;
        do {
            batch = sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            all.addAll(batch);
            batch.forEach(m -> sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle())));
        } while (!batch.isEmpty());
        return all;
    }

    /** Deadline timers kept in the given scheduler, sent to the deadline queue. */
    public static ScheduledTimers timers(SchedulerClient scheduler, Deadlines deadlines, Map<QueueName, String> queues) {
        return new ScheduledTimers(scheduler, new TicketTimers(deadlines), CloudResources.SCHEDULE_GROUP,
                CloudResources.queueArn(sqs(), queues.get(QueueName.DEADLINE)), CloudResources.LOCAL_SCHEDULER_ROLE_ARN);
    }
}
