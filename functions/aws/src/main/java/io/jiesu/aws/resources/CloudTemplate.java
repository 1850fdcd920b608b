package io.jiesu.aws.resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * template.yaml, read for what the local cloud builds from it: the table with its indexes, the queues with their
 * dead-letter queues and redrive, the schedule groups and the schedules. The template is the one definition of
 * the cloud's resources; {@link CloudResources} (the embedded local cloud) and the LocalStack init script are
 * made from it, so what runs locally cannot drift from what is deployed.
 *
 * <p>Only what the local cloud needs is resolved: a {@code !Ref} or {@code !GetAtt X.Arn} naming another
 * resource, and {@code ${AWS::StackName}} in a {@code !Sub}. Names CloudFormation generates from the stack are
 * made here the same way from the local stack name {@value #LOCAL_STACK}: {@code DispatchQueue} is
 * {@code jiesu-dispatch}, {@code DispatchDlq} {@code jiesu-dispatch-dlq}, a FIFO queue's name ends in
 * {@code .fifo}. What the emulators cannot do (encryption, deletion protection, point-in-time recovery) is not
 * read.
 *
 * <p>Local-only: nothing on AWS reads it (snakeyaml is an optional dependency, absent from the Lambda packages).
 */
public final class CloudTemplate {
    /** The stack name the local cloud stands for: ${AWS::StackName} in the template's names. */
    public static final String LOCAL_STACK = "jiesu";
    /** A system property naming the template, when the run does not start inside the repository. */
    public static final String PATH_PROPERTY = "jiesu.template";

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String SCHEDULE_GROUP = "AWS::Scheduler::ScheduleGroup";
    private static final String SCHEDULE = "AWS::Scheduler::Schedule";
    private static final String BUCKET = "AWS::S3::Bucket";

    private static CloudTemplate cached;

    private final Path path;
    private final Map<String, Object> resources;

    private CloudTemplate(Path path, Map<String, Object> template) {
        this.path = path;
        this.resources = map(template.get("Resources"), "Resources");
    }

    /** The repository's template.yaml, read once per JVM. */
    public static synchronized CloudTemplate get() {
        if (cached == null) {
            cached = read(find());
        }
        return cached;
    }

    public static CloudTemplate read(Path template) {
        return new CloudTemplate(template, CloudFormationYaml.read(template));
    }

    /** The template named by {@value #PATH_PROPERTY}, else template.yaml in the nearest directory up that has one. */
    public static Path find() {
        String named = System.getProperty(PATH_PROPERTY);
        if (named != null) {
            return Path.of(named);
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml"))) {
                return p.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("no template.yaml in " + System.getProperty("user.dir")
                + " or above it: start the local cloud inside the repository, or name the template with -D"
                + PATH_PROPERTY + "=...");
    }

    public Path path() {
        return path;
    }

    // --- the table -------------------------------------------------------------------------------------------

    public record Key(String attribute, String type) {
    }

    public record Index(String name, List<Key> keys, String projection, List<String> nonKeyAttributes) {
    }

    /** The one table (single-table design): its attributes (name to type), keys and global secondary indexes. */
    public record Table(String logicalId, String billingMode, Map<String, String> attributes, List<Key> keys,
                        List<Index> indexes) {
    }

    public Table table() {
        List<String> tables = ofType(TABLE);
        if (tables.size() != 1) {
            throw problem("should declare exactly one " + TABLE + " (single-table design), found " + tables);
        }
        String id = tables.get(0);
        Map<String, Object> p = properties(id);
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        for (Map<String, Object> a : listOfMaps(p.get("AttributeDefinitions"), id + " AttributeDefinitions")) {
            attributes.put(string(a.get("AttributeName")), string(a.get("AttributeType")));
        }
        List<Index> indexes = new ArrayList<>();
        for (Map<String, Object> g : listOfMaps(p.get("GlobalSecondaryIndexes"), id + " GlobalSecondaryIndexes")) {
            Map<String, Object> projection = map(g.get("Projection"), id + " Projection");
            indexes.add(new Index(string(g.get("IndexName")), keys(g.get("KeySchema"), id + " index KeySchema"),
                    string(projection.get("ProjectionType")),
                    projection.get("NonKeyAttributes") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of()));
        }
        return new Table(id, Objects.toString(p.get("BillingMode"), "PROVISIONED"), attributes,
                keys(p.get("KeySchema"), id + " KeySchema"), indexes);
    }

    // --- the queues ------------------------------------------------------------------------------------------

    /**
     * A queue; {@code deadLetterQueue} (a logical id) and {@code maxReceiveCount} are null for a queue without a
     * redrive policy (a dead-letter queue), and the numbers are null where the template leaves SQS's default.
     */
    public record Queue(String logicalId, String name, boolean fifo, Integer visibilityTimeout, Integer retention,
                        String deadLetterQueue, Integer maxReceiveCount) {
        public boolean redrives() {
            return deadLetterQueue != null;
        }
    }

    /** Every queue, in the template's order. */
    public List<Queue> queues() {
        List<Queue> queues = new ArrayList<>();
        for (String id : ofType(QUEUE)) {
            Map<String, Object> p = properties(id);
            boolean fifo = Boolean.parseBoolean(String.valueOf(p.get("FifoQueue")));
            String name = p.containsKey("QueueName") ? resolveName(p.get("QueueName"), id + " QueueName")
                    : LOCAL_STACK + "-" + kebab(id.endsWith("Queue") ? id.substring(0, id.length() - "Queue".length()) : id)
                    + (fifo ? ".fifo" : "");
            String dlq = null;
            Integer maxReceive = null;
            if (p.get("RedrivePolicy") != null) {
                Map<String, Object> redrive = map(p.get("RedrivePolicy"), id + " RedrivePolicy");
                dlq = arnOf(redrive.get("deadLetterTargetArn"), id + " RedrivePolicy.deadLetterTargetArn");
                maxReceive = number(redrive.get("maxReceiveCount"), id + " RedrivePolicy.maxReceiveCount");
            }
            queues.add(new Queue(id, name, fifo, number(p.get("VisibilityTimeout"), id + " VisibilityTimeout"),
                    number(p.get("MessageRetentionPeriod"), id + " MessageRetentionPeriod"), dlq, maxReceive));
        }
        return queues;
    }

    public Queue queue(String logicalId) {
        return queues().stream().filter(q -> q.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> problem("has no queue " + logicalId));
    }

    // --- the scheduler ---------------------------------------------------------------------------------------

    public record ScheduleGroup(String logicalId, String name) {
    }

    public List<ScheduleGroup> scheduleGroups() {
        return ofType(SCHEDULE_GROUP).stream()
                .map(id -> new ScheduleGroup(id, resolveName(properties(id).get("Name"), id + " Name"))).toList();
    }

    /**
     * A recurring schedule: {@code target} and {@code deadLetterQueue} are the logical ids its ARNs name; the
     * local name is the template's Name, else the logical id without "Schedule" ({@code DailyDigestSchedule} is
     * {@code daily-digest}).
     */
    public record Schedule(String logicalId, String name, String group, String expression, String timezone,
                           String flexibleTimeWindow, String target, String input, Integer maximumRetryAttempts,
                           Integer maximumEventAgeInSeconds, String deadLetterQueue) {
    }

    public List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        for (String id : ofType(SCHEDULE)) {
            Map<String, Object> p = properties(id);
            Map<String, Object> target = map(p.get("Target"), id + " Target");
            Map<String, Object> retry = map(target.get("RetryPolicy"), id + " RetryPolicy");
            Object dlq = map(target.get("DeadLetterConfig"), id + " DeadLetterConfig").get("Arn");
            String group = p.get("GroupName") == null ? "default" : resolveName(p.get("GroupName"), id + " GroupName");
            String name = p.containsKey("Name") ? resolveName(p.get("Name"), id + " Name")
                    : kebab(id.endsWith("Schedule") ? id.substring(0, id.length() - "Schedule".length()) : id);
            schedules.add(new Schedule(id, name, group, string(p.get("ScheduleExpression")),
                    (String) p.get("ScheduleExpressionTimezone"),
                    Objects.toString(map(p.get("FlexibleTimeWindow"), id + " FlexibleTimeWindow").get("Mode"), "OFF"),
                    arnOf(target.get("Arn"), id + " Target.Arn"), (String) target.get("Input"),
                    number(retry.get("MaximumRetryAttempts"), id + " MaximumRetryAttempts"),
                    number(retry.get("MaximumEventAgeInSeconds"), id + " MaximumEventAgeInSeconds"),
                    dlq == null ? null : arnOf(dlq, id + " DeadLetterConfig.Arn")));
        }
        return schedules;
    }

    // --- the buckets ------------------------------------------------------------------------------------------

    /**
     * A bucket: the template's BucketName, else the name made from the stack and the logical id without "Bucket"
     * ({@code AttachmentsBucket} is {@code jiesu-attachments}). Encryption, public access and lifecycle are not
     * read: the emulator keeps objects in memory and serves only signed requests.
     */
    public record Bucket(String logicalId, String name) {
    }

    public List<Bucket> buckets() {
        return ofType(BUCKET).stream().map(id -> new Bucket(id, properties(id).containsKey("BucketName")
                ? resolveName(properties(id).get("BucketName"), id + " BucketName")
                : LOCAL_STACK + "-" + kebab(id.endsWith("Bucket") ? id.substring(0, id.length() - "Bucket".length()) : id)))
                .toList();
    }

    // --- resolving the little the local cloud needs ----------------------------------------------------------

    /** A name: a literal, a Sub of the stack name, or a Ref to a resource whose name is resolved the same way. */
    private String resolveName(Object value, String where) {
        if (value instanceof String s) {
            return s;
        }
        String ref = CloudFormationYaml.ref(value);
        if (ref != null) {
            Map<String, Object> p = properties(ref);
            Object name = p.containsKey("Name") ? p.get("Name") : p.get("QueueName");
            if (name == null) {
                throw problem(where + " refers to " + ref + ", which declares no Name the local cloud could use");
            }
            return resolveName(name, ref + " Name");
        }
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("Fn::Sub") instanceof String sub) {
            String resolved = sub.replace("${AWS::StackName}", LOCAL_STACK);
            if (resolved.contains("${")) {
                throw problem(where + ": the local cloud resolves only ${AWS::StackName} in a name, found " + sub);
            }
            return resolved;
        }
        throw problem(where + ": a name the local cloud cannot resolve: " + value);
    }

    /** The logical id of the resource whose Arn a {@code !GetAtt X.Arn} names. */
    private String arnOf(Object value, String where) {
        List<String> att = CloudFormationYaml.getAtt(value);
        if (att == null || !att.get(1).equals("Arn") || !resources.containsKey(att.get(0))) {
            throw problem(where + " should be !GetAtt <resource>.Arn, found " + value);
        }
        return att.get(0);
    }

    private List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        resources.forEach((id, r) -> {
            if (r instanceof Map<?, ?> m && type.equals(m.get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    private Map<String, Object> properties(String id) {
        if (!resources.containsKey(id)) {
            throw problem("has no resource " + id);
        }
        return map(map(resources.get(id), id).get("Properties"), id + " Properties");
    }

    private List<Key> keys(Object schema, String where) {
        return listOfMaps(schema, where).stream().map(k -> new Key(string(k.get("AttributeName")), string(k.get("KeyType")))).toList();
    }

    /** DispatchDlq is dispatch-dlq. */
    static String kebab(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private Integer number(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw problem(where + " should be a number the local cloud can use, found " + value);
        }
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw problem(where + " should be a mapping, found: " + value);
        }
        return (Map<String, Object>) value;
    }

    private List<Map<String, Object>> listOfMaps(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(where + " should be a list, found: " + value);
        }
        return list.stream().map(e -> map(e, where + " entry")).toList();
    }

    private IllegalStateException problem(String what) {
        return new IllegalStateException(path + " " + what);
    }
}
