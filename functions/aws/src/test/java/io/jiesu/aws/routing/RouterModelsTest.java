package io.jiesu.aws.routing;

import io.jiesu.aws.Emulators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RouterModelsTest {
    private final DynamoDbClient dynamo = Emulators.dynamo();
    private String table;
    private RouterModels models;

    @BeforeEach
    void aTable() {
        table = Emulators.newTable();
        models = new RouterModels(dynamo, table);
    }

    @Test
    void aNewImportReplacesTheEarlierOneAndLeavesNoneOfItsRowsBehind() {
        // incompressible, so it spans several item-sized chunks
        byte[] large = new byte[1_000_000];
        new Random(3).nextBytes(large);
        byte[] small = "text,category,location,unit\n暖气不热,供热,东城区,heating-company\n".getBytes(StandardCharsets.UTF_8);

        models.storeImport(large);
        assertArrayEquals(large, models.storedImport().orElseThrow());
        assertEquals(3, importChunks(), "a megabyte gzipped is three chunks");

        models.storeImport(small);
        assertArrayEquals(small, models.storedImport().orElseThrow());
        assertEquals(1, importChunks(), "the earlier import's chunks are gone");
    }

    @Test
    void ofTwoImportsKeptAtTheSameMomentTheLaterSwitchFailsAndLeavesNoneOfItsRows() {
        byte[] first = "text,category,location,unit\n暖气不热,供热,东城区,heating-company\n".getBytes(StandardCharsets.UTF_8);
        byte[] winner = "text,category,location,unit\n停水,供水,东城区,water-authority\n".getBytes(StandardCharsets.UTF_8);
        byte[] loser = "text,category,location,unit\n路灯不亮,市政,西城区,city-lighting\n".getBytes(StandardCharsets.UTF_8);
        models.storeImport(first);
        // another import is kept between this one's chunks and its switch of the pointer
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        DynamoDbClient racing = (DynamoDbClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("putItem") && args[0] instanceof java.util.function.Consumer<?> c) {
                        @SuppressWarnings("unchecked")
                        var mutation = (java.util.function.Consumer<software.amazon.awssdk.services.dynamodb.model.PutItemRequest.Builder>) c;
                        var request = software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().applyMutation(mutation).build();
                        if (request.item().get("SK").s().equals("IMPORT") && raced.compareAndSet(false, true)) {
                            models.storeImport(winner);
                        }
                        return dynamo.putItem(request);
                    }
                    return method.invoke(dynamo, args);
                });

        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new RouterModels(racing, table).storeImport(loser));

        assertArrayEquals(winner, models.storedImport().orElseThrow());
        assertEquals(1, importChunks(), "neither the replaced import's chunks nor the loser's stay");
    }

    @Test
    void anImportKeptBeforeImportsHadKeysOfTheirOwnIsStillReadAndThenReplaced() {
        byte[] raw = "text,category,location,unit\n路灯不亮,市政,西城区,city-lighting\n".getBytes(StandardCharsets.UTF_8);
        byte[] gz = RouterModels.gzip(raw);
        put("V#IMPORT#0000", Map.of("chunk", AttributeValue.builder().b(SdkBytes.fromByteArray(gz)).build()));
        put("IMPORT", Map.of("chunks", AttributeValue.builder().n("1").build(),
                "checksum", AttributeValue.builder().s(io.jiesu.routing.ModelChunks.checksum(gz)).build()));

        assertArrayEquals(raw, models.storedImport().orElseThrow());
        models.storeImport("text,category,location,unit\n停水,供水,东城区,water-authority\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, importChunks(), "the old key's chunk went with the replacement");
    }

    @Test
    void theModelInForceTellsOfItselfFromThePointerAlone() {
        java.util.List<io.jiesu.routing.RoutingExample> history = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(io.jiesu.routing.RoutingExample.of(io.jiesu.routing.TicketText.of("暖气不热第" + i + "户"), "heating-company"));
            history.add(io.jiesu.routing.RoutingExample.of(io.jiesu.routing.TicketText.of("路灯不亮第" + i + "盏"), "city-lighting"));
        }
        io.jiesu.routing.RouterModel model = io.jiesu.routing.RouterTrainer.chosen(java.time.Clock.systemUTC()).train(history)
                .withMeasured(new io.jiesu.routing.MeasuredThreshold(0.95, null, null, 0, 20));
        assertEquals(java.util.Optional.empty(), models.inForce());

        models.store(model);
        // its chunks gone, the pointer still tells: nothing is loaded to answer
        dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :v)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.builder().s(RouterModels.PK).build(),
                        ":v", AttributeValue.builder().s("V#" + model.version()).build())))
                .items().forEach(i -> dynamo.deleteItem(b -> b.tableName(table).key(Map.of("PK", i.get("PK"), "SK", i.get("SK")))));

        assertEquals(model.about(), models.inForce().orElseThrow());
    }

    private long importChunks() {
        return dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :v)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.builder().s(RouterModels.PK).build(),
                        ":v", AttributeValue.builder().s("V#IMPORT").build()))).count();
    }

    private void put(String sk, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.put("PK", AttributeValue.builder().s(RouterModels.PK).build());
        item.put("SK", AttributeValue.builder().s(sk).build());
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
