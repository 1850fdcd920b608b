package io.jiesu.aws.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The LocalStack init script (localstack/init/ready.d/init-aws.sh) is a second spelling of CloudResources, for
 * people who run LocalStack under Docker. Read as text, it must name the same table, indexes, queues, redrive,
 * visibility timeout and schedule group, so neither can drift from the other unnoticed. Needs no Docker.
 */
class InitScriptMatchesCloudResourcesTest {
    private static Path localstack;
    private static String script;

    @BeforeAll
    static void read() throws IOException {
        localstack = repoRoot().resolve("localstack");
        Path file = localstack.resolve("init/ready.d/init-aws.sh");
        assertTrue(Files.isRegularFile(file), file + " is missing");
        assertTrue(Files.isExecutable(file), file + " must be executable: LocalStack runs it as it is");
        script = Files.readString(file);
    }

    @Test
    void itNamesTheTableAndEveryIndex() {
        assertTrue(script.contains("TABLE=" + CloudResources.TABLE + "\n"), "TABLE=" + CloudResources.TABLE);
        assertTrue(script.contains("\"TableName\": \"" + CloudResources.TABLE + "\""));
        for (CloudResources.Index index : CloudResources.INDEXES) {
            assertTrue(script.contains("\"IndexName\": \"" + index.name() + "\""), "index " + index.name());
        }
    }

    /** The create-table input in the script is CloudResources.tableRequest, field for field. */
    @Test
    void itsTableHasTheSameKeysIndexesAndProjections() throws IOException {
        Matcher m = Pattern.compile("TABLE_JSON=\\$\\(cat <<'JSON'\\n(.*?)\\nJSON\\n\\)", Pattern.DOTALL).matcher(script);
        assertTrue(m.find(), "the script gives create-table its input as TABLE_JSON=$(cat <<'JSON' ... JSON)");
        JsonNode table = new ObjectMapper().readTree(m.group(1));
        CreateTableRequest expected = CloudResources.tableRequest(CloudResources.TABLE);

        assertEquals(expected.tableName(), table.path("TableName").asText());
        assertEquals(expected.billingModeAsString(), table.path("BillingMode").asText());
        assertEquals(keys(expected.keySchema()), keys(table.path("KeySchema")));
        Map<String, String> attributes = new TreeMap<>();
        expected.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
        Map<String, String> scriptAttributes = new TreeMap<>();
        table.path("AttributeDefinitions").forEach(a -> scriptAttributes.put(a.path("AttributeName").asText(),
                a.path("AttributeType").asText()));
        assertEquals(attributes, scriptAttributes);

        Map<String, String> indexes = new TreeMap<>();
        for (GlobalSecondaryIndex i : expected.globalSecondaryIndexes()) {
            indexes.put(i.indexName(), keys(i.keySchema()) + " " + i.projection().projectionTypeAsString());
        }
        Map<String, String> scriptIndexes = new TreeMap<>();
        table.path("GlobalSecondaryIndexes").forEach(i -> scriptIndexes.put(i.path("IndexName").asText(),
                keys(i.path("KeySchema")) + " " + i.path("Projection").path("ProjectionType").asText()));
        assertEquals(indexes, scriptIndexes);
    }

    /** Every QueueName, with its DLQ, and no queue it does not know. */
    @Test
    void itCreatesEveryQueueWithItsDeadLetterQueue() {
        for (QueueName q : QueueName.values()) {
            assertTrue(Pattern.compile("\\b" + Pattern.quote(q.localName()) + "\\b(?!-)").matcher(script).find(), q.localName());
            assertTrue(script.contains(q.localDlqName()), q.localDlqName());
        }
        Map<String, String> expected = new TreeMap<>();
        for (QueueName q : QueueName.values()) {
            expected.put(q.localName(), q.localDlqName());
        }
        Map<String, String> created = new TreeMap<>();
        Matcher m = Pattern.compile("queue_with_dlq (\\S+) (\\S+)(?: \\S+)?\\)").matcher(script);
        while (m.find()) {
            created.put(m.group(1), m.group(2));
        }
        assertEquals(expected, created, "one `queue_with_dlq <queue> <dlq>` per QueueName");
    }

    @Test
    void itsQueuesRedriveAndTimeOutAsCloudResourcesSays() {
        assertEquals(Integer.toString(CloudResources.MAX_RECEIVE_COUNT), variable("MAX_RECEIVE_COUNT"));
        assertEquals(Integer.toString(CloudResources.NOTIFY_MAX_RECEIVE_COUNT), variable("NOTIFY_MAX_RECEIVE_COUNT"));
        assertTrue(script.contains("queue_with_dlq jiesu-notify.fifo jiesu-notify-dlq.fifo \"$NOTIFY_MAX_RECEIVE_COUNT\""));
        assertEquals(Integer.toString(CloudResources.VISIBILITY_TIMEOUT_SECONDS), variable("VISIBILITY_TIMEOUT"));
        assertEquals(Integer.toString(CloudResources.DLQ_RETENTION_SECONDS), variable("DLQ_RETENTION"));
        // and the queue attributes are built from them
        assertTrue(script.contains("maxReceiveCount"), "the redrive policy");
        assertTrue(script.contains("\"$VISIBILITY_TIMEOUT\" \"$dlq_arn\" \"$max_receive\""),
                "VisibilityTimeout and RedrivePolicy use the variables");
        assertTrue(script.contains("MessageRetentionPeriod\\\":\\\"$DLQ_RETENTION"), "the DLQ keeps its messages 14 days");
    }

    @Test
    void itCreatesTheScheduleGroup() {
        assertEquals(CloudResources.SCHEDULE_GROUP, variable("SCHEDULE_GROUP"));
        assertTrue(script.contains("scheduler create-schedule-group --name \"$SCHEDULE_GROUP\""));
    }

    /** The compose file and the Testcontainers tests run the same LocalStack, with the services the script uses. */
    @Test
    void theComposeFileRunsTheTestedImageAndMountsTheScript() throws IOException {
        String compose = Files.readString(localstack.resolve("docker-compose.yml"));
        assertTrue(compose.contains("image: " + LocalStackCloud.IMAGE + "\n"), "image: " + LocalStackCloud.IMAGE);
        assertTrue(compose.contains("SERVICES: dynamodb,sqs,scheduler"));
        assertTrue(compose.contains("./init/ready.d:/etc/localstack/init/ready.d"));
        assertTrue(compose.contains("4566:4566"));
    }

    private static String variable(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        assertTrue(m.find(), name + "=... in the script");
        return m.group(1);
    }

    private static String keys(List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList().toString();
    }

    private static String keys(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
        return keys.toString();
    }

    /** The repository root: the nearest directory up from the working directory that holds mvnw. */
    static Path repoRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("no mvnw above " + System.getProperty("user.dir"));
    }
}
