package io.jiesu.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DynamoDbLocalServerTest {

    @Test
    void createsTableWritesAndReadsAnItem() {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start();
                DynamoDbClient dynamo = LocalAws.dynamo(server.endpoint())) {
            assertEquals("127.0.0.1", server.endpoint().getHost());

            // Creating and writing a table is what loads the native SQLite library: this fails if it is missing.
            dynamo.createTable(b -> b.tableName("tickets")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            assertEquals(TableStatus.ACTIVE, dynamo.describeTable(b -> b.tableName("tickets")).table().tableStatus());

            dynamo.putItem(b -> b.tableName("tickets").item(Map.of(
                    "id", AttributeValue.fromS("T-1"),
                    "title", AttributeValue.fromS("路灯不亮"),
                    "priority", AttributeValue.fromN("2"))));
            GetItemResponse got = dynamo.getItem(b -> b.tableName("tickets")
                    .key(Map.of("id", AttributeValue.fromS("T-1"))).consistentRead(true));

            assertTrue(got.hasItem());
            assertEquals("路灯不亮", got.item().get("title").s());
            assertEquals("2", got.item().get("priority").n());
            assertFalse(dynamo.getItem(b -> b.tableName("tickets")
                    .key(Map.of("id", AttributeValue.fromS("T-2")))).hasItem());
        }
    }

    @Test
    void everyServerIsFreshAndCloseFreesThePortAndItsThreads() throws InterruptedException {
        DynamoDbLocalServer first = DynamoDbLocalServer.start();
        try (DynamoDbClient dynamo = LocalAws.dynamo(first.endpoint())) {
            dynamo.listTables(); // the first request creates the database and its background jobs
        }
        try (DynamoDbLocalServer second = DynamoDbLocalServer.start();
                DynamoDbClient dynamo = LocalAws.dynamo(second.endpoint())) {
            assertTrue(dynamo.listTables().tableNames().isEmpty());
        } finally {
            first.close();
        }
        // DynamoDB Local leaves a non-daemon job thread behind unless close() stops it; it would keep the JVM of a
        // local run from exiting.
        Threads.awaitNone(Threads.nonDaemonRunning("com.amazonaws.services.dynamodbv2.local"), Duration.ofSeconds(5));
        int port = first.endpoint().getPort();
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        });
    }
}
