package io.jiesu.aws.localstack;

import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One LocalStack container (DynamoDB, SQS, Scheduler) for the test JVM, started on first use and removed by
 * Testcontainers when the JVM ends. Only the tests marked {@code @Testcontainers(disabledWithoutDocker = true)}
 * touch it, so where no Docker engine runs it is never started. The clients are built as the apps build theirs:
 * the plain SDK with an endpoint override.
 */
final class LocalStackCloud {
    /** The same image as localstack/docker-compose.yml (InitScriptIsMadeFromTheTemplateTest checks it). */
    static final String IMAGE = "localstack/localstack:4.4.0";

    static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    static final Actor AGENT = new Actor("agent-1", Role.AGENT, null);
    static final Actor DISPATCH = Actor.system("dispatch");
    static final PhoneHash PHONES = new PhoneHash("test-citizen-index-key-0123456789");

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static LocalStackContainer container;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static SchedulerClient scheduler;
    private static Map<QueueName, String> queues;

    private LocalStackCloud() {
    }

    private static synchronized LocalStackContainer container() {
        if (container == null) {
            LocalStackContainer c = new LocalStackContainer(IMAGE).withServices("dynamodb", "sqs", "scheduler", "s3");
            c.start();
            container = c;
        }
        return container;
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        LocalStackContainer c = container();
        return builder.endpointOverride(c.getEndpoint())
                .region(Region.of(c.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.getAccessKey(), c.getSecretKey())))
                .build();
    }

    static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = client(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()));
        }
        return dynamo;
    }

    static synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
        }
        return sqs;
    }

    /** The scheduler client, with the deadlines group created once. */
    static synchronized SchedulerClient scheduler() {
        if (scheduler == null) {
            scheduler = client(SchedulerClient.builder().httpClient(UrlConnectionHttpClient.create()));
            CloudResources.createScheduleGroup(scheduler);
        }
        return scheduler;
    }

    /** A fresh table shaped as CloudResources defines it. */
    static String newTable() {
        String name = CloudResources.TABLE + "-" + SEQ.incrementAndGet();
        CloudResources.createTable(dynamo(), name);
        return name;
    }

    /** The work queues and their DLQs, created once as CloudResources defines them, with the deployed settings. */
    static synchronized Map<QueueName, String> queues() {
        if (queues == null) {
            queues = CloudResources.createQueues(sqs());
        }
        return queues;
    }

    /** A ticket taken in by phone at {@code at}, with an id no other test uses. */
    static Transition received(Category category, String text, Instant at) {
        return Ticket.receive("T-" + UUID.randomUUID(), new NewTicket(category, Channel.PHONE, text,
                new Citizen("张三", "13812345678"), "和平里3号楼", null, false), at, AGENT, DEADLINES);
    }

    static Actor unit(String unitId) {
        return new Actor("staff-of-" + unitId, Role.UNIT, unitId);
    }

    /** Monday 2026-03-02 10:00 in Shanghai. */
    static final Instant MONDAY_10AM = Instant.parse("2026-03-02T02:00:00Z");

    /** A time a few days ahead, to the minute: schedules set at it lie in the future. */
    static Instant soon() {
        return Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }
}
