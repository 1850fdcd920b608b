package io.jiesu.aws.resources;

import io.jiesu.aws.Emulators;
import io.jiesu.localcloud.ElasticMqServer;
import io.jiesu.localcloud.LocalAws;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local cloud, built by {@link CloudResources} without overrides (as the local run does by default), has
 * what template.yaml declares: the table's keys and every index, each queue with its dead-letter queue and the
 * template's redrive (the notify queue's 12 receives, not the 5 of the other queues), visibility timeout and
 * FIFO, the schedule groups and each schedule with its retry policy and dead-letter queue. Read back
 * through the AWS SDK from the embedded emulators; the template read here as plain YAML, apart from the reader
 * the local cloud uses.
 */
class LocalCloudFromTemplateTest {
    private static Map<String, Object> resources;
    /** An ElasticMQ of this test's own: other tests create the same queues with short test numbers. */
    private static ElasticMqServer sqsServer;
    private static SqsClient sqs;
    private static SchedulerServer schedulerServer;
    private static SchedulerClient scheduler;

    @BeforeAll
    static void start() {
        resources = map(CloudFormationYaml.read(CloudTemplate.find()).get("Resources"));
        sqsServer = ElasticMqServer.start();
        sqs = LocalAws.sqs(sqsServer.endpoint());
        schedulerServer = Emulators.newScheduler(Clock.systemUTC());
        scheduler = Emulators.schedulerClient(schedulerServer);
    }

    @AfterAll
    static void stop() {
        scheduler.close();
        schedulerServer.close();
        sqs.close();
        sqsServer.close();
    }

    @Test
    void theTableHasTheTemplatesKeysBillingAndEveryIndex() {
        String name = CloudResources.TABLE + "-from-template";
        CloudResources.createTable(Emulators.dynamo(), name);
        TableDescription table = Emulators.dynamo().describeTable(b -> b.tableName(name)).table();
        Map<String, Object> declared = properties(ofType("AWS::DynamoDB::Table").get(0));

        assertEquals(keys(declared.get("KeySchema")), table.keySchema().stream()
                .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList());
        assertEquals(declared.get("BillingMode"), table.billingModeSummary().billingModeAsString());
        Map<String, String> indexes = new TreeMap<>();
        for (Object o : (List<?>) declared.get("GlobalSecondaryIndexes")) {
            Map<String, Object> g = map(o);
            indexes.put((String) g.get("IndexName"), keys(g.get("KeySchema")) + " " + map(g.get("Projection")).get("ProjectionType"));
        }
        Map<String, String> built = new TreeMap<>();
        for (GlobalSecondaryIndexDescription g : table.globalSecondaryIndexes()) {
            built.put(g.indexName(), g.keySchema().stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList()
                    + " " + g.projection().projectionTypeAsString());
        }
        assertEquals(indexes, built);
        assertEquals(13, built.size(), "UnitInbox, CitizenTickets, Outbox, OpenTickets, SearchByIntake, SearchByDue,"
                + " LeadByIntake, LeadByDue, FiledBy, ArticlesByUnit, ArticlesByStatus, AnsweringArticles, Notices");
    }

    @Test
    void everyQueueHasItsDeadLetterQueueAndTheTemplatesRedriveVisibilityAndFifo() {
        Map<QueueName, String> urls = CloudResources.createQueues(sqs);
        String schedulerDlqArn = CloudResources.createSchedulerDlq(sqs);

        TreeSet<String> expectedNames = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String id : ofType("AWS::SQS::Queue")) {
            Map<String, Object> p = properties(id);
            String name = localName(id, p);
            expectedNames.add(name);
            String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            expect(problems, id + " VisibilityTimeout", p.getOrDefault("VisibilityTimeout", 30), a.get(QueueAttributeName.VISIBILITY_TIMEOUT));
            // (MessageRetentionPeriod is not read back: ElasticMQ does not report it)
            expect(problems, id + " FifoQueue", p.getOrDefault("FifoQueue", false),
                    a.getOrDefault(QueueAttributeName.FIFO_QUEUE, "false"));
            if (p.get("RedrivePolicy") instanceof Map<?, ?> redrive) {
                String dlq = CloudFormationYaml.getAtt(redrive.get("deadLetterTargetArn")).get(0);
                String policy = a.get(QueueAttributeName.REDRIVE_POLICY);
                assertNotNull(policy, id + " has no redrive policy");
                String dlqArn = CloudResources.queueArn(sqs, sqs.getQueueUrl(b -> b.queueName(localName(dlq, properties(dlq)))).queueUrl());
                if (!policy.contains("\"deadLetterTargetArn\":\"" + dlqArn + "\"")) {
                    problems.add(id + " redrives to " + policy + ", not to " + dlq + " (" + dlqArn + ")");
                }
                if (!policy.matches(".*\"maxReceiveCount\":\"?" + redrive.get("maxReceiveCount") + "\"?[,}].*")) {
                    problems.add(id + " maxReceiveCount: template.yaml has " + redrive.get("maxReceiveCount") + ", the local cloud " + policy);
                }
                QueueName q = java.util.Arrays.stream(QueueName.values()).filter(n -> n.localName().equals(name)).findFirst().orElseThrow();
                expect(problems, id + " URL returned for QueueName." + q, url, urls.get(q));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        TreeSet<String> created = new TreeSet<>();
        sqs.listQueues().queueUrls().forEach(u -> created.add(u.substring(u.lastIndexOf('/') + 1)));
        assertEquals(expectedNames, created, "the local cloud makes the template's queues, and only them");
        assertEquals(QueueName.values().length, urls.size());
        assertTrue(schedulerDlqArn.endsWith(":jiesu-scheduler-dlq"), schedulerDlqArn);
    }

    @Test
    void theScheduleGroupsAndEveryScheduleWithItsRetryPolicyAndDeadLetterQueue() {
        String digestArn = "arn:aws:sqs:us-east-1:000000000000:jiesu-digest";
        String dlqArn = "arn:aws:sqs:us-east-1:000000000000:jiesu-scheduler-dlq";
        CloudResources.createDigestSchedules(scheduler, digestArn, CloudResources.LOCAL_SCHEDULER_ROLE_ARN, dlqArn);

        TreeSet<String> groups = new TreeSet<>();
        for (String id : ofType("AWS::Scheduler::ScheduleGroup")) {
            groups.add(stackName(properties(id).get("Name")));
        }
        TreeSet<String> built = new TreeSet<>();
        scheduler.listScheduleGroups(b -> { }).scheduleGroups().forEach(g -> built.add(g.name()));
        assertTrue(built.containsAll(groups), "groups " + groups + ", the local cloud has " + built);

        List<String> schedules = ofType("AWS::Scheduler::Schedule");
        assertEquals(3, schedules.size(), "the daily, weekly and monthly digests");
        for (String id : schedules) {
            Map<String, Object> p = properties(id);
            Map<String, Object> target = map(p.get("Target"));
            String group = stackName(properties(CloudFormationYaml.ref(p.get("GroupName"))).get("Name"));
            String name = CloudTemplate.kebab(id.replaceAll("Schedule$", ""));
            GetScheduleResponse s = scheduler.getSchedule(b -> b.groupName(group).name(name));
            assertEquals(p.get("ScheduleExpression"), s.scheduleExpression(), id);
            assertEquals(p.get("ScheduleExpressionTimezone"), s.scheduleExpressionTimezone(), id);
            assertEquals(target.get("Input"), s.target().input(), id);
            assertEquals(digestArn, s.target().arn(), id + " sends to the digest queue");
            Map<String, Object> retry = map(target.get("RetryPolicy"));
            assertEquals(retry.get("MaximumRetryAttempts"), s.target().retryPolicy().maximumRetryAttempts(), id);
            assertEquals(retry.get("MaximumEventAgeInSeconds"), s.target().retryPolicy().maximumEventAgeInSeconds(), id);
            assertEquals(dlqArn, s.target().deadLetterConfig().arn(), id + " dead-letters to SchedulerDlq");
        }
    }

    // --- the template, read plainly ------------------------------------------------------------------------

    /** CloudFormation names a queue from the stack: DispatchQueue is jiesu-dispatch, NotifyDlq jiesu-notify-dlq.fifo. */
    private static String localName(String id, Map<String, Object> p) {
        return "jiesu-" + CloudTemplate.kebab(id.replaceAll("Queue$", "")) + (Boolean.TRUE.equals(p.get("FifoQueue")) ? ".fifo" : "");
    }

    private static String stackName(Object sub) {
        return ((String) map(sub).get("Fn::Sub")).replace("${AWS::StackName}", "jiesu");
    }

    private static List<String> ofType(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(map(e.getValue()).get("Type"))).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Object> properties(String id) {
        return map(map(resources.get(id)).get("Properties"));
    }

    private static List<String> keys(Object schema) {
        return ((List<?>) schema).stream().map(k -> map(k).get("AttributeName") + " " + map(k).get("KeyType")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static void expect(List<String> problems, String what, Object declared, Object built) {
        if (!String.valueOf(declared).equals(String.valueOf(built))) {
            problems.add(what + ": template.yaml has " + declared + ", the local cloud " + built);
        }
    }
}
