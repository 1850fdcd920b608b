package io.jiesu.aws.resources;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.Target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names the code uses for the cloud's resources (the table's keys and indexes it queries, the deadline
 * schedule group it is told, the retry policy of the timers it sets), and the local cloud built from
 * template.yaml ({@link CloudTemplate}), the one definition of the resources: the table with its indexes, the
 * queues with their dead-letter queues and redrive, the schedule groups and schedules. Tests check that the
 * template declares what the code uses (TemplateTest).
 */
public final class CloudResources {
    /** The table's name in the local cloud (on AWS CloudFormation names it from the stack). */
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
    /** What the search indexes copy beside their keys: the filters' attributes and the list card, never name or phone. */
    public static final List<String> SEARCH_ATTRIBUTES =
            List.of("card", "state", "category", "channel", "leadUnit", "overdue", "provincial", "received", "words");
    /** Ticket search over every ticket, by intake time. */
    public static final Index SEARCH_BY_INTAKE = new Index("SearchByIntake", "GSI5PK", "GSI5SK", ProjectionType.INCLUDE, SEARCH_ATTRIBUTES);
    /** Ticket search over every ticket, by due time. */
    public static final Index SEARCH_BY_DUE = new Index("SearchByDue", "GSI6PK", "GSI6SK", ProjectionType.INCLUDE, SEARCH_ATTRIBUTES);
    /** Ticket search over one lead unit's tickets, by intake time (unit staff search here). */
    public static final Index LEAD_BY_INTAKE = new Index("LeadByIntake", "GSI7PK", "GSI7SK", ProjectionType.INCLUDE, SEARCH_ATTRIBUTES);
    /** Ticket search over one lead unit's tickets, by due time. */
    public static final Index LEAD_BY_DUE = new Index("LeadByDue", "GSI8PK", "GSI8SK", ProjectionType.INCLUDE, SEARCH_ATTRIBUTES);
    /** A citizen's own tickets, by the subject of the token they filed with, by intake time. */
    public static final Index FILED_BY = new Index("FiledBy", "GSI9PK", "GSI9SK", ProjectionType.INCLUDE, List.of("card"));
    /** The knowledge base: a unit's articles by status and last change. */
    public static final Index ARTICLES_BY_UNIT = new Index("ArticlesByUnit", "AUPK", "AUSK", ProjectionType.ALL);
    /** Articles of one status across units, by last change (the centre's review queue). */
    public static final Index ARTICLES_BY_STATUS = new Index("ArticlesByStatus", "ASPK", "ASSK", ProjectionType.ALL);
    /** Articles answering now, and those retired, by last change: the answer search is built from it, never a scan. */
    public static final Index ANSWERING_ARTICLES = new Index("AnsweringArticles", "AAPK", "AASK", ProjectionType.ALL);
    /**
     * Every notice of cuts and closures (one partition: a district publishes hundreds a year), by end time: the
     * ones not yet ended are a key range, read by the desk and at intake; the lists filter the same range.
     */
    public static final Index NOTICES = new Index("Notices", "GSI10PK", "GSI10SK", ProjectionType.ALL);
    /** The indexes the code queries and writes the keys of (TemplateTest: the template's table has each). */
    public static final List<Index> INDEXES = List.of(UNIT_INBOX, CITIZEN_TICKETS, OUTBOX, OPEN_TICKETS,
            SEARCH_BY_INTAKE, SEARCH_BY_DUE, LEAD_BY_INTAKE, LEAD_BY_DUE, FILED_BY, ARTICLES_BY_UNIT, ARTICLES_BY_STATUS,
            ANSWERING_ARTICLES, NOTICES);

    /**
     * For {@link #createQueues}: no override, each queue's maxReceiveCount or visibility timeout as template.yaml
     * declares it (5 for the work queues, 12 for the province notices; 180 s).
     */
    public static final int AS_TEMPLATE = 0;

    /** The schedule group holding one timer per open ticket (template.yaml: DeadlineScheduleGroup, in the stack "jiesu"). */
    public static final String SCHEDULE_GROUP = "jiesu-deadlines";
    /** What the local cloud names the role the scheduler sends with (the stand-in checks only its form). */
    public static final String LOCAL_SCHEDULER_ROLE_ARN = "arn:aws:iam::000000000000:role/jiesu-scheduler";

    /**
     * The retry policy of the timers the functions set (TemplateTest: every schedule in template.yaml has the
     * same): a delivery the scheduler could not make is tried again for up to an hour, then goes to the
     * scheduler's dead-letter queue (SchedulerDlq, alarmed). A deadline dead-lettered is still restored by the
     * reconciler.
     */
    public static final int SCHEDULE_MAX_RETRY_ATTEMPTS = 10;
    public static final int SCHEDULE_MAX_EVENT_AGE_SECONDS = 3600;

    /**
     * The timer reconciler (the {@code reconcile} function): how often it runs, on AWS as the ScheduleV2 event of
     * ReconcileFunction, in the local run as the ticker that invokes the same function (TemplateTest: the same).
     */
    public static final String RECONCILE_FUNCTION = "reconcile";
    public static final String RECONCILE_SCHEDULE = "rate(5 minutes)";

    public record Index(String name, String partitionKey, String sortKey, ProjectionType projection,
                        List<String> nonKeyAttributes) {
        public Index(String name, String partitionKey, String sortKey, ProjectionType projection) {
            this(name, partitionKey, sortKey, projection, List.of());
        }
    }

    private CloudResources() {
    }

    /** The create-table request for template.yaml's table, under the given name. */
    public static CreateTableRequest tableRequest(String tableName) {
        CloudTemplate.Table table = CloudTemplate.get().table();
        List<AttributeDefinition> attributes = new ArrayList<>();
        table.attributes().forEach((name, type) -> attributes.add(AttributeDefinition.builder().attributeName(name)
                .attributeType(type).build()));
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (CloudTemplate.Index i : table.indexes()) {
            Projection.Builder projection = Projection.builder().projectionType(i.projection());
            if (!i.nonKeyAttributes().isEmpty()) {
                projection.nonKeyAttributes(i.nonKeyAttributes());
            }
            gsis.add(GlobalSecondaryIndex.builder().indexName(i.name()).keySchema(keys(i.keys()))
                    .projection(projection.build()).build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(tableName)
                .billingMode(table.billingMode()).attributeDefinitions(attributes).keySchema(keys(table.keys()));
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        return request.build();
    }

    public static void createTable(DynamoDbClient dynamo, String tableName) {
        dynamo.createTable(tableRequest(tableName));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    /** Every queue of template.yaml that redrives, with its dead-letter queue, as declared; returns their URLs. */
    public static Map<QueueName, String> createQueues(SqsClient sqs) {
        return createQueues(sqs, AS_TEMPLATE, AS_TEMPLATE);
    }

    /**
     * As above, with the local run's deliberate overrides: a maxReceiveCount and a visibility timeout for every
     * work queue (tests make them short, so a poison message is dead-lettered in seconds), or {@link #AS_TEMPLATE}
     * for the template's own numbers. Every template queue with a redrive policy must be a {@link QueueName}.
     */
    public static Map<QueueName, String> createQueues(SqsClient sqs, int maxReceiveCount, int visibilityTimeoutSeconds) {
        CloudTemplate template = CloudTemplate.get();
        Map<QueueName, String> urls = new EnumMap<>(QueueName.class);
        for (CloudTemplate.Queue q : template.queues()) {
            if (!q.redrives()) {
                continue;
            }
            QueueName name = Arrays.stream(QueueName.values()).filter(n -> n.localName().equals(q.name())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(template.path() + " declares " + q.logicalId() + " ("
                            + q.name() + "), which no QueueName stands for: the code would never send to it"));
            String dlqArn = queueArn(sqs, createQueue(sqs, template.queue(q.deadLetterQueue()), null, null));
            Map<QueueAttributeName, String> redrive = Map.of(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                            + (maxReceiveCount > 0 ? maxReceiveCount : q.maxReceiveCount()) + "\"}");
            urls.put(name, createQueue(sqs, q, visibilityTimeoutSeconds > 0 ? visibilityTimeoutSeconds : null, redrive));
        }
        return urls;
    }

    private static String createQueue(SqsClient sqs, CloudTemplate.Queue q, Integer visibilityOverride,
                                      Map<QueueAttributeName, String> more) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        Integer visibility = visibilityOverride != null ? visibilityOverride : q.visibilityTimeout();
        if (visibility != null) {
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, visibility.toString());
        }
        if (q.retention() != null) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, q.retention().toString());
        }
        if (q.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        if (more != null) {
            attributes.putAll(more);
        }
        return sqs.createQueue(CreateQueueRequest.builder().queueName(q.name()).attributes(attributes).build()).queueUrl();
    }

    /** Creates the queue template.yaml's schedules dead-letter to (SchedulerDlq); returns its ARN. */
    public static String createSchedulerDlq(SqsClient sqs) {
        CloudTemplate template = CloudTemplate.get();
        List<String> dlqs = template.schedules().stream().map(CloudTemplate.Schedule::deadLetterQueue)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (dlqs.size() != 1) {
            throw new IllegalStateException(template.path() + ": the schedules should dead-letter to one queue, found " + dlqs);
        }
        return queueArn(sqs, createQueue(sqs, template.queue(dlqs.get(0)), null, null));
    }

    /** Creates the group of the deadline timers, {@link #SCHEDULE_GROUP}, which template.yaml must declare. */
    public static void createScheduleGroup(SchedulerClient scheduler) {
        CloudTemplate template = CloudTemplate.get();
        if (template.scheduleGroups().stream().noneMatch(g -> g.name().equals(SCHEDULE_GROUP))) {
            throw new IllegalStateException(template.path() + " declares no schedule group " + SCHEDULE_GROUP
                    + " (in the stack " + CloudTemplate.LOCAL_STACK + "), the group the functions set timers in");
        }
        scheduler.createScheduleGroup(b -> b.name(SCHEDULE_GROUP));
    }

    /** What a digest schedule sends: the kind, and the occurrence the scheduler fills in (DigestHandler reads it). */
    public static String digestInput(io.jiesu.core.digest.DigestKind kind) {
        return "{\"kind\":\"" + kind.code() + "\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}";
    }

    /** Creates template.yaml's recurring schedules (the digests'), each sending to the digest queue. */
    public static void createDigestSchedules(SchedulerClient scheduler, String digestQueueArn, String roleArn) {
        createDigestSchedules(scheduler, digestQueueArn, roleArn, null);
    }

    /**
     * As above, with the retry policy template.yaml gives each and, when given, the dead-letter queue. The
     * template's schedules are the digests': one naming another target is refused, since nothing here would
     * receive its firings. Their groups are created first.
     */
    public static void createDigestSchedules(SchedulerClient scheduler, String digestQueueArn, String roleArn,
                                             String deadLetterArn) {
        CloudTemplate template = CloudTemplate.get();
        String digestQueue = template.queues().stream().filter(q -> q.name().equals(QueueName.DIGEST.localName()))
                .map(CloudTemplate.Queue::logicalId).findFirst().orElseThrow();
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (CloudTemplate.Schedule s : template.schedules()) {
            if (!s.target().equals(digestQueue)) {
                throw new IllegalStateException(template.path() + ": " + s.logicalId() + " sends to " + s.target()
                        + "; the local cloud sends schedules to " + digestQueue + " only");
            }
            if (groups.add(s.group()) && !"default".equals(s.group())) {
                scheduler.createScheduleGroup(b -> b.name(s.group()));
            }
            var target = Target.builder().arn(digestQueueArn).roleArn(roleArn).input(s.input())
                    .retryPolicy(r -> r.maximumRetryAttempts(s.maximumRetryAttempts())
                            .maximumEventAgeInSeconds(s.maximumEventAgeInSeconds()));
            if (deadLetterArn != null && s.deadLetterQueue() != null) {
                target.deadLetterConfig(d -> d.arn(deadLetterArn));
            }
            scheduler.createSchedule(b -> b.groupName(s.group()).name(s.name()).scheduleExpression(s.expression())
                    .scheduleExpressionTimezone(s.timezone()).flexibleTimeWindow(w -> w.mode(s.flexibleTimeWindow()))
                    .target(target.build()));
        }
    }

    /** A schedule's target with the retry policy of every schedule, and its dead-letter queue when given. */
    public static Target scheduleTarget(String arn, String roleArn, String input, String deadLetterArn) {
        var target = Target.builder().arn(arn).roleArn(roleArn).input(input)
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

    /** The attachments bucket's local name; template.yaml must declare it (AttachmentsBucket). */
    public static final String ATTACHMENTS_BUCKET = CloudTemplate.LOCAL_STACK + "-attachments";

    /** Creates template.yaml's buckets; the attachments bucket the api pre-signs URLs to must be one of them. */
    public static void createBuckets(software.amazon.awssdk.services.s3.S3Client s3) {
        CloudTemplate template = CloudTemplate.get();
        List<CloudTemplate.Bucket> buckets = template.buckets();
        if (buckets.stream().noneMatch(b -> b.name().equals(ATTACHMENTS_BUCKET))) {
            throw new IllegalStateException(template.path() + " declares no bucket " + ATTACHMENTS_BUCKET
                    + ", the one the api pre-signs attachment URLs to; found " + buckets);
        }
        buckets.forEach(b -> s3.createBucket(r -> r.bucket(b.name())));
    }

    private static List<KeySchemaElement> keys(List<CloudTemplate.Key> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attribute()).keyType(k.type()).build()).toList();
    }
}
