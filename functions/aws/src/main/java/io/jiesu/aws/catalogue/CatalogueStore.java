package io.jiesu.aws.catalogue;

import io.jiesu.aws.Cached;
import io.jiesu.core.catalogue.RoutingCatalogue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The units and the routing catalogue, kept in the tickets table so the centre can change them without a
 * release. Read through a short cache: the dispatch stage reads it for every ticket.
 */
public class CatalogueStore {
    private static final Map<String, AttributeValue> KEY = Map.of(
            "PK", AttributeValue.builder().s("CATALOGUE").build(), "SK", AttributeValue.builder().s("CURRENT").build());

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cached<RoutingCatalogue> current;

    public CatalogueStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.current = new Cached<>(Duration.ofSeconds(30), clock, this::read);
    }

    /** The catalogue in force; an empty one (every ticket to a dispatcher) until one is loaded. */
    public RoutingCatalogue current() {
        return current.get();
    }

    public void replace(RoutingCatalogue catalogue) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(KEY);
        item.put("doc", AttributeValue.builder().s(catalogue.toJson()).build());
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
        current.invalidate();
    }

    private RoutingCatalogue read() {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(KEY).build()).item();
        return item == null || item.isEmpty() ? new RoutingCatalogue(List.of(), List.of())
                : RoutingCatalogue.parse(new ByteArrayInputStream(item.get("doc").s().getBytes(StandardCharsets.UTF_8)));
    }
}
