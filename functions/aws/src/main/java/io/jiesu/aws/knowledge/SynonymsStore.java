package io.jiesu.aws.knowledge;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The city's synonyms for the answer search (暖气/供暖…), as the admin wrote them, one group a line, kept in the
 * tickets table so every api instance reads the same list (each at its next catch-up).
 */
public class SynonymsStore {
    private static final Map<String, AttributeValue> KEY = Map.of(
            "PK", ArticleItems.s("KNOWLEDGE"), "SK", ArticleItems.s("SYNONYMS"));

    /** The list as written, and when. */
    public record Stored(String text, Instant changedAt) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public SynonymsStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The city's list; empty until an admin writes one (the search then uses the shipped list). */
    public Optional<Stored> current() {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(KEY)
                .consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stored(item.get("text").s(), Instant.parse(item.get("changedAt").s())));
    }

    public void replace(String text, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("text", ArticleItems.s(text));
        item.put("changedAt", ArticleItems.s(at.toString()));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }
}
