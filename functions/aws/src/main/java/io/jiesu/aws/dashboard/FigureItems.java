package io.jiesu.aws.dashboard;

import io.jiesu.core.rates.CentreFigures;
import io.jiesu.core.ticket.Transition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;

/**
 * The centre's live figures as items: one per day, split {@link #SHARDS} ways (every ticket's transitions add to
 * the same day, so shards keep concurrent transactions from colliding on one item), each holding the day's
 * figures, by hour, category, channel and unit. The dashboard reads a month as at most 31 × 16 small items,
 * never the tickets.
 */
public class FigureItems {
    public static final int SHARDS = 16;
    private static final String PARTITION = "FIGURES#centre";

    private final DynamoDbClient dynamo;
    private final String table;
    private final CentreFigures figures;

    public FigureItems(DynamoDbClient dynamo, String table, CentreFigures figures) {
        this.dynamo = dynamo;
        this.table = table;
        this.figures = figures;
    }

    /** The update a transition adds to its day's figures, to write in the transition's own transaction. */
    public Optional<TransactWriteItem> update(Transition t) {
        CentreFigures.Delta d = figures.of(t);
        if (d.add().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TransactWriteItem.builder().update(adding(d, t.after().id())).build());
    }

    /**
     * A citizen online found their answer and filed nothing (deflection): counted on its own, since no ticket
     * moves. {@code spread} picks the shard (any value that varies from one citizen to the next).
     */
    public void deflected(java.time.Instant at, String spread) {
        Update u = adding(figures.deflection(at), spread);
        dynamo.updateItem(b -> b.tableName(table).key(u.key()).updateExpression(u.updateExpression())
                .expressionAttributeNames(u.expressionAttributeNames()).expressionAttributeValues(u.expressionAttributeValues()));
    }

    private Update adding(CentreFigures.Delta d, String spread) {
        StringBuilder expression = new StringBuilder("ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (var e : d.add().entrySet()) {
            expression.append(i == 0 ? "" : ", ").append("#f").append(i).append(" :f").append(i);
            names.put("#f" + i, e.getKey());
            values.put(":f" + i, AttributeValue.builder().n(Long.toString(e.getValue())).build());
            i++;
        }
        int shard = Math.floorMod(spread.hashCode(), SHARDS);
        return Update.builder().tableName(table)
                .key(Map.of(PK, s(PARTITION), SK, s(d.day() + "#" + shard)))
                .updateExpression(expression.toString()).expressionAttributeNames(names)
                .expressionAttributeValues(values).build();
    }

    /** Every figure of the days from..to (inclusive), summed over days and shards. */
    public Map<String, Long> sum(LocalDate from, LocalDate to) {
        Map<String, Long> sums = new TreeMap<>();
        QueryRequest q = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":from", s(from + "#"), ":to", s(to + "#~")))
                .build();
        dynamo.queryPaginator(q).items().forEach(item -> item.forEach((name, v) -> {
            if (v.n() != null) {
                sums.merge(name, Long.parseLong(v.n()), Long::sum);
            }
        }));
        return sums;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }
}
