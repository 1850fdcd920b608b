package io.jiesu.aws.resources;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one definition of the table and the queues outside template.yaml. The local cloud creates them from
 * here; a test keeps this and template.yaml in step.
 */
public final class CloudResources {
    public static final String TABLE = "jiesu-tickets";
    public static final String PK = "PK";
    public static final String SK = "SK";

    /** A unit's inbox: open tickets by state and due time. */
    public static final Index UNIT_INBOX = new Index("UnitInbox", "GSI1PK", "GSI1SK", ProjectionType.ALL);
    /** A citizen's earlier tickets, by a keyed hash of the phone (never the number in clear). */
    public static final Index CITIZEN_TICKETS = new Index("CitizenTickets", "GSI2PK", "GSI2SK", ProjectionType.KEYS_ONLY);
    /** Messages written with a transition and not yet confirmed sent to their queue. */
    public static final Index OUTBOX = new Index("Outbox", "GSI3PK", "GSI3SK", ProjectionType.ALL);
    /**
     * Every open ticket, by id: sparse (a closed ticket leaves it), keys only. The timer reconciler reads open
     * tickets here instead of scanning the table.
     */
    public static final Index OPEN_TICKETS = new Index("OpenTickets", "GSI4PK", "GSI4SK", ProjectionType.KEYS_ONLY);
    public static final List<Index> INDEXES = List.of(UNIT_INBOX, CITIZEN_TICKETS, OUTBOX, OPEN_TICKETS);

    /** As in template.yaml: a message that fails this many receives goes to the DLQ. */
    public static final int MAX_RECEIVE_COUNT = 5;
    /** As in template.yaml: six times the stage function's timeout, as AWS advises for SQS event sources. */
    public static final int VISIBILITY_TIMEOUT_SECONDS = 180;
    /**
     * As in template.yaml: a province's status notice is tried this many times, with growing delays between
     * (NotifyStage), before it is dead-lettered: about 7 hours with the default delays.
     */
    public static final int NOTIFY_MAX_RECEIVE_COUNT = 12;
    /** Dead letters are kept the SQS maximum, 14 days, for redrive. */
    public static final int DLQ_RETENTION_SECONDS = 1_209_600;

    /** KEYS_ONLY where the index must not copy the ticket (the citizen index would copy name and phone). */
    /** The schedule group holding one timer per open ticket. */
    public static final String SCHEDULE_GROUP = "jiesu-deadlines";
    /** What the local cloud names the role the scheduler sends with (the stand-in checks only its form). */
    public static final String LOCAL_SCHEDULER_ROLE_ARN = "arn:aws:iam::000000000000:role/jiesu-scheduler";

    /**
     * As in template.yaml, for every schedule (the timers the functions set, the digests', the reconciler's): a
     * delivery the scheduler could not make is tried again for up to an hour, then goes to the scheduler's
     * dead-letter queue (SchedulerDlq, alarmed). A deadline dead-lettered is still restored by the reconciler.
     */
    public static final int SCHEDULE_MAX_RETRY_ATTEMPTS = 10;
    public static final int SCHEDULE_MAX_EVENT_AGE_SECONDS = 3600;
    /** The scheduler's dead-letter queue in the local cloud (template.yaml: SchedulerDlq). */
    public static final String LOCAL_SCHEDULER_DLQ = "jiesu-scheduler-dlq";

    /**
     * The timer reconciler (the {@code reconcile} function): how often it runs, on AWS as the ScheduleV2 event of
     * ReconcileFunction, in the local run as the ticker that invokes the same function.
     */
    public static final String RECONCILE_FUNCTION = "reconcile";
    public static final String RECONCILE_SCHEDULE = "rate(5 minutes)";

    public record Index(String name, String partitionKey, String sortKey, ProjectionType projection) {
    }

    private CloudResources() {
    }

    public static CreateTableRequest tableRequest(String tableName) {
        List<AttributeDefinition> attributes = new java.util.ArrayList<>(List.of(
                attr(PK), attr(SK)));
        List<GlobalSecondaryIndex> gsis = new java.util.ArrayList<>();
        for (Index i : INDEXES) {
            attributes.add(attr(i.partitionKey()));
            attributes.add(attr(i.sortKey()));
            gsis.add(GlobalSecondaryIndex.builder().indexName(i.name())
                    .keySchema(key(i.partitionKey(), KeyType.HASH), key(i.sortKey(), KeyType.RANGE))
                    .projection(Projection.builder().projectionType(i.projection()).build()).build());
        }
        return CreateTableRequest.builder().tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(gsis)
                .build();
    }

    public static void createTable(DynamoDbClient dynamo, String tableName) {
        dynamo.createTable(tableRequest(tableName));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    /** Creates every queue with its DLQ; returns the work queues' URLs. */
    public static Map<QueueName, String> createQueues(SqsClient sqs, int maxReceiveCount, int visibilityTimeoutSeconds) {
        return createQueues(sqs, maxReceiveCount, maxReceiveCount, visibilityTimeoutSeconds);
    }

    public static Map<QueueName, String> createQueues(SqsClient sqs, int maxReceiveCount, int notifyMaxReceiveCount,
                                                      int visibilityTimeoutSeconds) {
        Map<QueueName, String> urls = new EnumMap<>(QueueName.class);
        for (QueueName q : QueueName.values()) {
            Map<QueueAttributeName, String> dlqAttributes = new java.util.HashMap<>(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                    Integer.toString(DLQ_RETENTION_SECONDS)));
            if (q.fifo()) {
                dlqAttributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            }
            String dlqUrl = sqs.createQueue(CreateQueueRequest.builder().queueName(q.localDlqName())
                    .attributes(dlqAttributes).build()).queueUrl();
            String dlqArn = queueArn(sqs, dlqUrl);
            Map<QueueAttributeName, String> attributes = new java.util.HashMap<>(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                            + "\",\"maxReceiveCount\":\"" + (q.fifo() ? notifyMaxReceiveCount : maxReceiveCount) + "\"}"));
            if (q.fifo()) {
                attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            }
            String url = sqs.createQueue(CreateQueueRequest.builder().queueName(q.localName())
                    .attributes(attributes).build()).queueUrl();
            urls.put(q, url);
        }
        return urls;
    }

    /** Creates the scheduler's dead-letter queue (kept as long as the others); returns its ARN. */
    public static String createSchedulerDlq(SqsClient sqs) {
        String url = sqs.createQueue(CreateQueueRequest.builder().queueName(LOCAL_SCHEDULER_DLQ).attributes(Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(DLQ_RETENTION_SECONDS))).build()).queueUrl();
        return queueArn(sqs, url);
    }

    public static void createScheduleGroup(software.amazon.awssdk.services.scheduler.SchedulerClient scheduler) {
        scheduler.createScheduleGroup(b -> b.name(SCHEDULE_GROUP));
    }

    /** The recurring digest schedules, as template.yaml declares them (<Kind>DigestSchedule). */
    public static final String DIGEST_SCHEDULE_GROUP = "jiesu-digests";

    /** What a digest schedule sends: the kind, and the occurrence the scheduler fills in. */
    public static String digestInput(io.jiesu.core.digest.DigestKind kind) {
        return "{\"kind\":\"" + kind.code() + "\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}";
    }

    /** Creates the digests' schedules (group jiesu-digests), each sending to the digest queue. */
    public static void createDigestSchedules(software.amazon.awssdk.services.scheduler.SchedulerClient scheduler,
                                             String digestQueueArn, String roleArn) {
        createDigestSchedules(scheduler, digestQueueArn, roleArn, null);
    }

    /** As above, each with the retry policy and, when given, the dead-letter queue every schedule has. */
    public static void createDigestSchedules(software.amazon.awssdk.services.scheduler.SchedulerClient scheduler,
                                             String digestQueueArn, String roleArn, String deadLetterArn) {
        scheduler.createScheduleGroup(b -> b.name(DIGEST_SCHEDULE_GROUP));
        for (io.jiesu.core.digest.DigestKind kind : io.jiesu.core.digest.DigestKind.values()) {
            scheduler.createSchedule(b -> b.groupName(DIGEST_SCHEDULE_GROUP).name("digest-" + kind.code())
                    .scheduleExpression(kind.cron()).scheduleExpressionTimezone(io.jiesu.core.digest.DigestKind.TIME_ZONE)
                    .flexibleTimeWindow(w -> w.mode("OFF"))
                    .target(scheduleTarget(digestQueueArn, roleArn, digestInput(kind), deadLetterArn)));
        }
    }

    /** A schedule's target with the retry policy of every schedule, and its dead-letter queue when given. */
    public static software.amazon.awssdk.services.scheduler.model.Target scheduleTarget(String arn, String roleArn,
                                                                                       String input, String deadLetterArn) {
        var target = software.amazon.awssdk.services.scheduler.model.Target.builder().arn(arn).roleArn(roleArn).input(input)
                .retryPolicy(r -> r.maximumRetryAttempts(SCHEDULE_MAX_RETRY_ATTEMPTS)
                        .maximumEventAgeInSeconds(SCHEDULE_MAX_EVENT_AGE_SECONDS));
        if (deadLetterArn != null) {
            target.deadLetterConfig(d -> d.arn(deadLetterArn));
        }
        return target.build();
    }

    public static String queueArn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN).build()).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
