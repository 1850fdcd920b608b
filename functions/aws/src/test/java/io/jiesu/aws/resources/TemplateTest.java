package io.jiesu.aws.resources;

import io.jiesu.localcloud.QueueEventSourceMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * template.yaml, the one definition of the cloud's resources (the local cloud is built from it, see
 * LocalCloudFromTemplateTest), declares what the code relies on: the indexes it queries, a queue for each
 * {@link QueueName} with a dead-letter queue and an alarm on it, the stage function consuming each queue in the
 * batches the local run uses, schedules that retry and dead-letter like the timers the functions set.
 *
 * <p>Naming convention, also written at the top of template.yaml: for each {@link QueueName} the logical ids are
 * {@code <Name>Queue}, {@code <Name>Dlq} and {@code <Name>Function}, where {@code <Name>} is the constant in
 * PascalCase ({@code DISPATCH} is {@code Dispatch}); the function's {@code QUARKUS_FUNQY_EXPORT} is
 * {@link QueueName#function()}. The table is the template's one {@code AWS::DynamoDB::Table}.
 */
class TemplateTest {
    /** Lambda's Java runtime we deploy to (java17 functions can no longer be created). */
    private static final String RUNTIME = "java21";
    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String TABLE = "AWS::DynamoDB::Table";
    /** AWS advises a queue's visibility timeout of at least six times the timeout of the function it feeds. */
    private static final int VISIBILITY_TO_FUNCTION_TIMEOUT = 6;

    /** The scheduler's own dead-letter queue (not a work queue's): every schedule's target names it. */
    private static final String SCHEDULER_DLQ = "SchedulerDlq";
    private static final String SCHEDULE = "AWS::Scheduler::Schedule";
    private static final int SQS_MAX_RETENTION = 1_209_600;

    private static Path templatePath;
    private static Map<String, Object> template;

    @BeforeAll
    static void readTemplate() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("no directory above " + System.getProperty("user.dir") + " holds mvnw, so template.yaml cannot be found");
        }
        templatePath = dir.resolve("template.yaml");
        if (!Files.exists(templatePath)) {
            fail(templatePath + " does not exist");
        }
        template = CloudFormationYaml.read(templatePath);
    }

    // --- the table -------------------------------------------------------------------------------------------

    @Test
    void theOneTableHasTheKeysAndEveryIndexTheCodeQueriesWithItsProjection() {
        List<String> tables = resourcesOfType(TABLE);
        if (tables.size() != 1) {
            fail(templatePath + " should define exactly one " + TABLE + " (single-table design), found " + tables);
        }
        String id = tables.get(0);
        Map<String, Object> p = properties(id);
        List<String> problems = new ArrayList<>();
        compare(problems, id + " BillingMode", "PAY_PER_REQUEST",
                Objects.toString(p.get("BillingMode"), "absent (CloudFormation's default, PROVISIONED)"));
        compare(problems, id + " KeySchema (CloudResources.PK, SK)", List.of(CloudResources.PK + " HASH", CloudResources.SK + " RANGE"),
                keys(p.get("KeySchema"), id + " KeySchema"));
        Map<String, String> attributes = new TreeMap<>();
        for (Map<String, Object> a : listOfMaps(p.get("AttributeDefinitions"), id + " AttributeDefinitions")) {
            attributes.put(String.valueOf(a.get("AttributeName")), String.valueOf(a.get("AttributeType")));
        }
        Map<String, String> expectedIndexes = new TreeMap<>();
        for (CloudResources.Index i : CloudResources.INDEXES) {
            expectedIndexes.put(i.name(), "keys [" + i.partitionKey() + " HASH, " + i.sortKey() + " RANGE], projection " + i.projection()
                    + (i.nonKeyAttributes().isEmpty() ? "" : " " + new TreeSet<>(i.nonKeyAttributes())));
            for (String key : List.of(i.partitionKey(), i.sortKey())) {
                compare(problems, id + " AttributeDefinitions " + key + " (the code writes it as a string)", "S", attributes.get(key));
            }
        }
        Map<String, String> actualIndexes = new TreeMap<>();
        for (Map<String, Object> g : listOfMaps(p.get("GlobalSecondaryIndexes"), id + " GlobalSecondaryIndexes")) {
            String name = String.valueOf(g.get("IndexName"));
            actualIndexes.put(name, "keys " + keys(g.get("KeySchema"), id + " index " + name + " KeySchema")
                    + ", projection " + projection(map(g.get("Projection"), id + " index " + name + " Projection")));
        }
        compareEntries(problems, id + " GlobalSecondaryIndexes (CloudResources.INDEXES)", expectedIndexes, actualIndexes);
        assertNone(problems);
    }

    // --- the queues ------------------------------------------------------------------------------------------

    @Test
    void thereIsExactlyOneWorkQueueAndOneDeadLetterQueuePerQueueName() {
        TreeSet<String> expected = new TreeSet<>();
        for (QueueName q : QueueName.values()) {
            expected.add(queueId(q));
            expected.add(dlqId(q));
        }
        expected.add(SCHEDULER_DLQ);
        TreeSet<String> actual = new TreeSet<>(resourcesOfType(QUEUE));
        TreeSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        TreeSet<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("QueueName has queues that template.yaml lacks: " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("template.yaml has queues that QueueName lacks, so the local cloud would not create them: "
                    + unexpected + " (add a QueueName constant, or name them <Name>Queue / <Name>Dlq)");
        }
        assertNone(problems);
    }

    @Test
    void everyWorkQueueSendsAMessageToItsOwnDeadLetterQueueAfterMaxReceiveCount() {
        List<String> problems = new ArrayList<>();
        for (QueueName q : QueueName.values()) {
            Object redrive = properties(queueId(q)).get("RedrivePolicy");
            if (!(redrive instanceof Map<?, ?> policy)) {
                problems.add(queueId(q) + " has no RedrivePolicy written as a mapping, found: " + redrive);
                continue;
            }
            compare(problems, queueId(q) + " RedrivePolicy.deadLetterTargetArn", List.of(dlqId(q), "Arn"),
                    Objects.requireNonNullElse(CloudFormationYaml.getAtt(policy.get("deadLetterTargetArn")),
                            String.valueOf(policy.get("deadLetterTargetArn"))));
            if (!(number(policy.get("maxReceiveCount"), "absent") instanceof Integer count && count > 1)) {
                problems.add(queueId(q) + " RedrivePolicy.maxReceiveCount should be a number above 1 (a message is tried"
                        + " again before it is dead-lettered), found " + policy.get("maxReceiveCount"));
            }
            compare(problems, queueId(q) + " FifoQueue", q.fifo(), Boolean.TRUE.equals(properties(queueId(q)).get("FifoQueue")));
            compare(problems, dlqId(q) + " FifoQueue", q.fifo(), Boolean.TRUE.equals(properties(dlqId(q)).get("FifoQueue")));
        }
        assertNone(problems);
    }

    @Test
    void deadLettersAreKeptTheLongestSqsAllowsLongerThanTheirWorkQueueKeepsMessages() {
        List<String> problems = new ArrayList<>();
        for (QueueName q : QueueName.values()) {
            Object retention = number(properties(dlqId(q)).get("MessageRetentionPeriod"), "absent (SQS's default, 345600)");
            compare(problems, dlqId(q) + " MessageRetentionPeriod (14 days, the SQS maximum: time to look and redrive)",
                    SQS_MAX_RETENTION, retention);
            // a dead letter keeps its first enqueue time, so it must be allowed to outlive its work queue's retention
            Object workRetention = number(properties(queueId(q)).get("MessageRetentionPeriod"), 345_600);
            if (retention instanceof Integer dlq && workRetention instanceof Integer work && dlq <= work) {
                problems.add(dlqId(q) + " keeps messages " + dlq + " s, no longer than " + queueId(q) + " (" + work
                        + " s): a message dead-lettered late would expire at once");
            }
        }
        assertNone(problems);
    }

    /** Any message in a dead-letter queue is a ticket stuck in the pipeline: each DLQ has an alarm that says so. */
    @Test
    void everyDeadLetterQueueHasAnAlarmOnItsFirstMessage() {
        List<String> problems = new ArrayList<>();
        for (QueueName q : QueueName.values()) {
            alarmOnFirstMessage(problems, dlqId(q));
        }
        alarmOnFirstMessage(problems, SCHEDULER_DLQ);
        assertNone(problems);
    }

    private static void alarmOnFirstMessage(List<String> problems, String dlq) {
        if (!resources().containsKey(dlq + "Alarm")) {
            problems.add("no " + dlq + "Alarm: a message dead-lettered in " + dlq + " would go unnoticed");
            return;
        }
        Map<String, Object> alarm = properties(dlq + "Alarm");
        compare(problems, dlq + "Alarm MetricName", "ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
        compare(problems, dlq + "Alarm Threshold", 0, number(alarm.get("Threshold"), "absent"));
        compare(problems, dlq + "Alarm ComparisonOperator", "GreaterThanThreshold", alarm.get("ComparisonOperator"));
        compare(problems, dlq + "Alarm dimension", List.of(dlq, "QueueName"), CloudFormationYaml.getAtt(
                listOfMaps(alarm.get("Dimensions"), "Dimensions").stream().findFirst().orElse(Map.of()).get("Value")));
        if (!(alarm.get("AlarmActions") instanceof List<?> actions && !actions.isEmpty())) {
            problems.add(dlq + "Alarm has no AlarmActions: it would tell no one");
        }
    }

    // --- the stage functions ---------------------------------------------------------------------------------

    @Test
    void eachStageFunctionConsumesItsOwnQueueInBatchesAndReportsItemFailures() {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> consumers = sqsConsumers();
        for (QueueName q : QueueName.values()) {
            compare(problems, "functions consuming " + queueId(q), List.of(functionId(q)),
                    consumers.getOrDefault(queueId(q), List.of()));
            for (Map<String, Object> event : sqsEvents(functionId(q)).values()) {
                compare(problems, functionId(q) + " SQS event BatchSize (QueueName.batchSize(), as the local cloud's event source mapping uses)",
                        q.batchSize(), number(event.get("BatchSize"), "absent (SAM's default, 10)"));
                Object types = event.get("FunctionResponseTypes");
                if (!(types instanceof List<?> l && l.contains("ReportBatchItemFailures"))) {
                    problems.add(functionId(q) + " SQS event lacks FunctionResponseTypes [ReportBatchItemFailures]"
                            + " (the stages report failed records one by one), found: " + types);
                }
            }
        }
        assertNone(problems);
    }

    @Test
    void eachStageFunctionExportsTheFunqyFunctionItsQueueNames() {
        List<String> problems = new ArrayList<>();
        for (QueueName q : QueueName.values()) {
            compare(problems, functionId(q) + " QUARKUS_FUNQY_EXPORT (QueueName." + q.name() + ".function())",
                    q.function(), environment(functionId(q)).get("QUARKUS_FUNQY_EXPORT"));
        }
        assertNone(problems);
    }

    @Test
    void theVisibilityTimeoutIsAtLeastSixTimesTheStageFunctionTimeout() {
        List<String> problems = new ArrayList<>();
        for (QueueName q : QueueName.values()) {
            Object timeout = number(functionProperty(functionId(q), "Timeout"), "absent (Lambda's default, 3)");
            int needed = timeout instanceof Integer t ? t * VISIBILITY_TO_FUNCTION_TIMEOUT : 3 * VISIBILITY_TO_FUNCTION_TIMEOUT;
            Object visibility = number(properties(queueId(q)).get("VisibilityTimeout"), "absent (SQS's default, 30)");
            if (!(visibility instanceof Integer v && v >= needed)) {
                problems.add(functionId(q) + " Timeout is " + timeout + " s, so " + queueId(q)
                        + " VisibilityTimeout should be at least " + needed + " s, found " + visibility);
            }
        }
        assertNone(problems);
    }

    // --- the digests' schedules --------------------------------------------------------------------------

    @Test
    void eachDigestHasItsRecurringScheduleOnShanghaiTimeSendingToTheDigestQueue() {
        List<String> problems = new ArrayList<>();
        for (io.jiesu.core.digest.DigestKind kind : io.jiesu.core.digest.DigestKind.values()) {
            String lower = kind.code();
            String id = Character.toUpperCase(lower.charAt(0)) + lower.substring(1) + "DigestSchedule";
            Map<String, Object> properties = properties(id);
            if (properties == null) {
                problems.add("no " + id + " (AWS::Scheduler::Schedule) for DigestKind." + kind.name());
                continue;
            }
            compare(problems, id + " ScheduleExpression (DigestKind." + kind.name() + ".cron())", kind.cron(), properties.get("ScheduleExpression"));
            compare(problems, id + " ScheduleExpressionTimezone", io.jiesu.core.digest.DigestKind.TIME_ZONE, properties.get("ScheduleExpressionTimezone"));
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) properties.getOrDefault("Target", Map.of());
            compare(problems, id + " Target.Arn", Map.of("Fn::GetAtt", queueId(QueueName.DIGEST) + ".Arn"), target.get("Arn"));
            compare(problems, id + " Target.Input (CloudResources.digestInput)", CloudResources.digestInput(kind), target.get("Input"));
        }
        assertNone(problems);
    }

    // --- every schedule retries and dead-letters; the reconciler runs on its schedule -------------------------

    @Test
    void everyScheduleRetriesAndDeadLettersToTheAlarmedSchedulerDlqAsTheTimersTheFunctionsSetDo() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> targets = new TreeMap<>();
        for (String id : resourcesOfType(SCHEDULE)) {
            targets.put(id, map(properties(id).get("Target"), id + " Target"));
        }
        for (String id : resourcesOfType(FUNCTION)) {
            map(properties(id).get("Events"), id + " Events").forEach((name, e) -> {
                Map<String, Object> event = map(e, id + " event " + name);
                if ("ScheduleV2".equals(event.get("Type"))) {
                    targets.put(id + " event " + name, map(event.get("Properties"), id + " event " + name + " Properties"));
                }
            });
        }
        if (targets.size() < 4) {
            problems.add("expected the three digest schedules and the reconciler's, found " + targets.keySet());
        }
        targets.forEach((id, target) -> {
            Map<String, Object> retry = map(target.get("RetryPolicy"), id + " RetryPolicy");
            compare(problems, id + " RetryPolicy.MaximumRetryAttempts (CloudResources.SCHEDULE_MAX_RETRY_ATTEMPTS)",
                    CloudResources.SCHEDULE_MAX_RETRY_ATTEMPTS, number(retry.get("MaximumRetryAttempts"), "absent"));
            compare(problems, id + " RetryPolicy.MaximumEventAgeInSeconds (CloudResources.SCHEDULE_MAX_EVENT_AGE_SECONDS)",
                    CloudResources.SCHEDULE_MAX_EVENT_AGE_SECONDS, number(retry.get("MaximumEventAgeInSeconds"), "absent"));
            compare(problems, id + " DeadLetterConfig.Arn", List.of(SCHEDULER_DLQ, "Arn"),
                    CloudFormationYaml.getAtt(map(target.get("DeadLetterConfig"), id + " DeadLetterConfig").get("Arn")));
        });
        compare(problems, "JIESU_SCHEDULER_DLQ_ARN (the timers the functions set dead-letter there too)",
                List.of(SCHEDULER_DLQ, "Arn"), CloudFormationYaml.getAtt(map(map(globalFunction().get("Environment"),
                        "Globals Environment").get("Variables"), "Globals Variables").get("JIESU_SCHEDULER_DLQ_ARN")));
        Map<String, Object> alarm = properties(SCHEDULER_DLQ + "Alarm");
        compare(problems, SCHEDULER_DLQ + "Alarm MetricName", "ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
        compare(problems, SCHEDULER_DLQ + "Alarm Threshold", 0, number(alarm.get("Threshold"), "absent"));
        compare(problems, SCHEDULER_DLQ + "Alarm ComparisonOperator", "GreaterThanThreshold", alarm.get("ComparisonOperator"));
        compare(problems, SCHEDULER_DLQ + "Alarm dimension", List.of(SCHEDULER_DLQ, "QueueName"), CloudFormationYaml.getAtt(
                listOfMaps(alarm.get("Dimensions"), "Dimensions").stream().findFirst().orElse(Map.of()).get("Value")));
        assertNone(problems);
    }

    @Test
    void theReconcilerRunsOnTheScheduleTheLocalRunUses() {
        List<String> problems = new ArrayList<>();
        List<String> reconcilers = resourcesOfType(FUNCTION).stream()
                .filter(id -> CloudResources.RECONCILE_FUNCTION.equals(environment(id).get("QUARKUS_FUNQY_EXPORT"))).toList();
        if (reconcilers.size() != 1) {
            fail(templatePath + " should have one function exporting " + CloudResources.RECONCILE_FUNCTION + ", found " + reconcilers);
        }
        String id = reconcilers.get(0);
        List<Map<String, Object>> schedules = new ArrayList<>();
        map(properties(id).get("Events"), id + " Events").forEach((name, e) -> {
            Map<String, Object> event = map(e, id + " event " + name);
            if ("ScheduleV2".equals(event.get("Type"))) {
                schedules.add(map(event.get("Properties"), id + " event " + name + " Properties"));
            }
        });
        compare(problems, id + " ScheduleV2 events", 1, schedules.size());
        schedules.forEach(p -> {
            compare(problems, id + " ScheduleExpression (CloudResources.RECONCILE_SCHEDULE)", CloudResources.RECONCILE_SCHEDULE,
                    p.get("ScheduleExpression"));
            compare(problems, id + " Input (TimerReconciler.Run.INPUT)", io.jiesu.aws.timers.TimerReconciler.Run.INPUT, p.get("Input"));
        });
        assertNone(problems);
    }

    // --- every function --------------------------------------------------------------------------------------

    @Test
    void everyFunctionRunsOnJava21() {
        List<String> problems = new ArrayList<>();
        for (String id : resourcesOfType(FUNCTION)) {
            compare(problems, id + " Runtime", RUNTIME, functionProperty(id, "Runtime"));
        }
        assertNone(problems);
    }

    @Test
    void everyFunctionIsToldTheTableAndEveryWorkQueueUrl() {
        String table = resourcesOfType(TABLE).stream().findFirst().orElse("<no table>");
        List<String> problems = new ArrayList<>();
        for (String id : resourcesOfType(FUNCTION)) {
            Map<String, Object> env = environment(id);
            compare(problems, id + " JIESU_TABLE", "!Ref " + table, refOrValue(env.get("JIESU_TABLE")));
            for (QueueName q : QueueName.values()) {
                String variable = "JIESU_QUEUE_" + q.name() + "_URL";
                compare(problems, id + " " + variable, "!Ref " + queueId(q), refOrValue(env.get(variable)));
            }
        }
        assertNone(problems);
    }

    // --- the console -----------------------------------------------------------------------------------------

    @Test
    void theConsoleIsServedFromAPrivateEncryptedBucketThroughCloudFrontWithOriginAccessControlAndTheApiAllowsIt() {
        List<String> problems = new ArrayList<>();
        List<String> distributions = resourcesOfType("AWS::CloudFront::Distribution");
        if (distributions.size() != 1) {
            fail(templatePath + " should serve the console through one CloudFront distribution, found " + distributions);
        }
        String distribution = distributions.get(0);
        Map<String, Object> config = map(properties(distribution).get("DistributionConfig"), distribution + " DistributionConfig");
        compare(problems, distribution + " DefaultRootObject", "index.html", config.get("DefaultRootObject"));
        compare(problems, distribution + " viewer protocol", "redirect-to-https",
                map(config.get("DefaultCacheBehavior"), "DefaultCacheBehavior").get("ViewerProtocolPolicy"));
        // the single-page fallback: a key the bucket lacks (403 through OAC without ListBucket) is the console
        for (String code : List.of("403", "404")) {
            boolean fallsBack = listOfMaps(config.get("CustomErrorResponses"), "CustomErrorResponses").stream().anyMatch(r ->
                    code.equals(String.valueOf(r.get("ErrorCode"))) && "200".equals(String.valueOf(r.get("ResponseCode")))
                            && "/index.html".equals(r.get("ResponsePagePath")));
            compare(problems, distribution + " answers " + code + " with /index.html", true, fallsBack);
        }
        List<Map<String, Object>> origins = listOfMaps(config.get("Origins"), "Origins");
        compare(problems, distribution + " origins", 1, origins.size());
        Map<String, Object> origin = origins.get(0);
        List<String> bucketDomain = CloudFormationYaml.getAtt(origin.get("DomainName"));
        List<String> oac = CloudFormationYaml.getAtt(origin.get("OriginAccessControlId"));
        if (bucketDomain == null || oac == null) {
            fail(distribution + " should read a bucket (GetAtt <Bucket>.RegionalDomainName) through origin access control, has " + origin);
        }
        String bucket = bucketDomain.get(0);
        compare(problems, distribution + " origin", "AWS::S3::Bucket", map(map(template.get("Resources"), "Resources").get(bucket), bucket).get("Type"));
        compare(problems, oac.get(0) + " signs every request", "always",
                map(properties(oac.get(0)).get("OriginAccessControlConfig"), oac.get(0)).get("SigningBehavior"));

        Map<String, Object> bucketProperties = properties(bucket);
        compare(problems, bucket + " encrypted", true, bucketProperties.containsKey("BucketEncryption"));
        Map<String, Object> block = map(bucketProperties.get("PublicAccessBlockConfiguration"), bucket + " PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            compare(problems, bucket + " " + setting, true, block.get(setting));
        }
        compare(problems, bucket + " is no website", false, bucketProperties.containsKey("WebsiteConfiguration"));
        // only this distribution reads it: CloudFront's service principal, on the condition of its ARN
        List<Map<String, Object>> grants = resourcesOfType("AWS::S3::BucketPolicy").stream()
                .filter(id -> bucket.equals(CloudFormationYaml.ref(properties(id).get("Bucket"))))
                .flatMap(id -> listOfMaps(map(properties(id).get("PolicyDocument"), id).get("Statement"), id + " Statement").stream())
                .filter(st -> "Allow".equals(st.get("Effect"))).toList();
        compare(problems, bucket + " readers", 1, grants.size());
        grants.forEach(g -> {
            compare(problems, bucket + " reader", "{Service=cloudfront.amazonaws.com}", String.valueOf(g.get("Principal")));
            compare(problems, bucket + " read only for " + distribution, true,
                    String.valueOf(g.get("Condition")).contains("distribution/${" + distribution + "}"));
        });

        // the api and the attachments bucket allow the console's origin (CORS)
        String origins0 = "https://${" + distribution + ".DomainName}";
        compare(problems, "ApiFunction JIESU_CONSOLE_ORIGINS names " + origins0, true,
                String.valueOf(environment("ApiFunction").get("JIESU_CONSOLE_ORIGINS")).contains(origins0));
        compare(problems, "AttachmentsBucket CORS names " + origins0, true,
                String.valueOf(properties("AttachmentsBucket").get("CorsConfiguration")).contains(origins0));
        assertNone(problems);
    }

    @Test
    void theApiTakesOnlyTheConsolesTokensAndTheConsoleIsToldWhereToSignIn() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> parameters = map(template.get("Parameters"), "Parameters");
        compare(problems, "a ConsoleClientId parameter beside JwtIssuer", true,
                parameters.containsKey("ConsoleClientId") && parameters.containsKey("JwtIssuer"));
        Map<String, Object> env = environment("ApiFunction");
        compare(problems, "ApiFunction JIESU_JWT_ISSUER", "!Ref JwtIssuer", refOrValue(env.get("JIESU_JWT_ISSUER")));
        // the api's audience is the console's client id: the tokens the console holds are the ones the api accepts
        compare(problems, "ApiFunction JIESU_JWT_AUDIENCE", "!Ref ConsoleClientId", refOrValue(env.get("JIESU_JWT_AUDIENCE")));
        // the deploy writes this output as the console's config.json
        String config = String.valueOf(map(map(template.get("Outputs"), "Outputs").get("ConsoleConfig"), "ConsoleConfig").get("Value"));
        for (String part : List.of("\"tokens\":null", "\"issuer\":\"${JwtIssuer}\"", "\"clientId\":\"${ConsoleClientId}\"",
                "\"api\":\"https://${HttpApi}.execute-api.")) {
            compare(problems, "ConsoleConfig output carries " + part, true, config.contains(part));
        }
        assertNone(problems);
    }

    // --- naming convention -----------------------------------------------------------------------------------

    private static String pascal(QueueName q) {
        String lower = q.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String queueId(QueueName q) {
        return pascal(q) + "Queue";
    }

    private static String dlqId(QueueName q) {
        return pascal(q) + "Dlq";
    }

    private static String functionId(QueueName q) {
        return pascal(q) + "Function";
    }

    // --- reading the template --------------------------------------------------------------------------------

    private static Map<String, Object> resources() {
        return map(template.get("Resources"), "Resources");
    }

    private static List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, r) -> {
            if (r instanceof Map<?, ?> m && type.equals(m.get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The resource's Properties; fails naming the resource when it is missing. */
    private static Map<String, Object> properties(String id) {
        Object resource = resources().get(id);
        if (resource == null) {
            fail(templatePath + " has no resource " + id + " (see the naming convention in TemplateTest)");
        }
        return map(map(resource, id).get("Properties"), id + " Properties");
    }

    /** A function's property, or the one from Globals.Function when the function does not set it. */
    private static Object functionProperty(String id, String name) {
        Object own = properties(id).get(name);
        return own != null ? own : globalFunction().get(name);
    }

    private static Map<String, Object> globalFunction() {
        return map(map(template.get("Globals"), "Globals").get("Function"), "Globals.Function");
    }

    /** Globals.Function.Environment.Variables overlaid with the function's own, as SAM merges them. */
    private static Map<String, Object> environment(String id) {
        Map<String, Object> env = new LinkedHashMap<>(
                map(map(globalFunction().get("Environment"), "Globals Environment").get("Variables"), "Globals Variables"));
        env.putAll(map(map(properties(id).get("Environment"), id + " Environment").get("Variables"), id + " Variables"));
        return env;
    }

    private static Map<String, Map<String, Object>> sqsEvents(String functionId) {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        map(properties(functionId).get("Events"), functionId + " Events").forEach((name, e) -> {
            Map<String, Object> event = map(e, functionId + " event " + name);
            if ("SQS".equals(event.get("Type"))) {
                events.put(name, map(event.get("Properties"), functionId + " event " + name + " Properties"));
            }
        });
        return events;
    }

    /** For each queue named by an SQS event, the functions whose events name it. */
    private static Map<String, List<String>> sqsConsumers() {
        Map<String, List<String>> consumers = new TreeMap<>();
        for (String id : resourcesOfType(FUNCTION)) {
            for (Map<String, Object> event : sqsEvents(id).values()) {
                List<String> target = CloudFormationYaml.getAtt(event.get("Queue"));
                String queue = target != null && target.get(1).equals("Arn") ? target.get(0) : String.valueOf(event.get("Queue"));
                consumers.computeIfAbsent(queue, k -> new ArrayList<>()).add(id);
            }
        }
        return consumers;
    }

    private static Object refOrValue(Object value) {
        String ref = CloudFormationYaml.ref(value);
        return ref != null ? "!Ref " + ref : value;
    }

    private static List<String> keys(Object schema, String where) {
        return listOfMaps(schema, where).stream().map(k -> k.get("AttributeName") + " " + k.get("KeyType")).toList();
    }

    private static String projection(Map<String, Object> p) {
        Object nonKey = p.get("NonKeyAttributes");
        return p.get("ProjectionType") + (nonKey instanceof List<?> l ? " " + new TreeSet<>(l.stream().map(String::valueOf).toList()) : "");
    }

    /** A literal number as an Integer (YAML may write it as a number or a string), else the value or the default. */
    private static Object number(Object value, Object absent) {
        if (value == null) {
            return absent;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            fail(templatePath + ": " + where + " should be a mapping, found: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<Map<String, Object>> listOfMaps(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            fail(templatePath + ": " + where + " should be a list, found: " + value);
            return List.of();
        }
        return list.stream().map(e -> map(e, where + " entry")).toList();
    }

    // --- reporting -------------------------------------------------------------------------------------------

    private static void compare(List<String> problems, String what, Object expected, Object templateValue) {
        if (!Objects.equals(expected, templateValue)) {
            problems.add(what + ": expected " + expected + ", template.yaml has "
                    + (templateValue == null ? "none" : templateValue));
        }
    }

    private static void compareEntries(List<String> problems, String what, Map<String, String> localCloud,
                                       Map<String, String> templateValue) {
        localCloud.forEach((k, v) -> {
            if (!templateValue.containsKey(k)) {
                problems.add(what + ": template.yaml lacks " + k + " (the code needs " + v + ")");
            } else if (!v.equals(templateValue.get(k))) {
                problems.add(what + ": " + k + " is " + v + " in the code, " + templateValue.get(k) + " in template.yaml");
            }
        });
        templateValue.forEach((k, v) -> {
            if (!localCloud.containsKey(k)) {
                problems.add(what + ": template.yaml has " + k + " (" + v + "), which the code does not use");
            }
        });
    }

    private static void assertNone(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(templatePath + " does not declare what the code relies on (CloudResources / QueueName):\n - "
                    + String.join("\n - ", problems));
        }
    }
}
