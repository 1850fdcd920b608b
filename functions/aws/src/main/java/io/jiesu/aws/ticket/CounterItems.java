package io.jiesu.aws.ticket;

import io.jiesu.aws.rates.Counters;
import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.CounterKey;
import io.jiesu.core.rates.TicketCounters;
import io.jiesu.core.ticket.Transition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;
import static io.jiesu.aws.ticket.TableItems.n;
import static io.jiesu.aws.ticket.TableItems.s;

/** The counters in the table: one item per unit, day and shard, added to in each transition's transaction. */
final class CounterItems implements Counters {
    /** Counter items per unit per day are split this many ways, so busy units' transitions rarely collide. */
    static final int SHARDS = 4;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TicketCounters counters;

    CounterItems(DynamoDbClient dynamo, String table, TicketCounters counters) {
        this.dynamo = dynamo;
        this.table = table;
        this.counters = counters;
    }

    @Override
    public Map<LocalDate, Map<Counter, Long>> counters(String unitId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Counter, Long>> days = new TreeMap<>();
        QueryRequest q = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(counterPk(unitId)), ":from", s(from + "#"), ":to", s(to + "#~")))
                .build();
        dynamo.queryPaginator(q).items().forEach(item -> {
            LocalDate day = LocalDate.parse(item.get(SK).s().substring(0, 10));
            Map<Counter, Long> sums = days.computeIfAbsent(day, d -> new EnumMap<>(Counter.class));
            for (Counter c : Counter.values()) {
                AttributeValue v = item.get(c.code());
                if (v != null) {
                    sums.merge(c, Long.parseLong(v.n()), Long::sum);
                }
            }
        });
        return days;
    }

    @Override
    public void addCounters(CounterKey key, int shard, Map<Counter, Long> deltas) {
        dynamo.updateItem(add(key, Math.floorMod(shard, SHARDS), deltas));
    }

    /** What the transition counts: one ADD per unit and day, on the shard picked by the ticket. */
    List<TransactWriteItem> updates(Transition t) {
        String ticketId = t.after().id();
        return counters.of(t).entrySet().stream().map(e -> {
            UpdateItemRequest add = add(e.getKey(), Math.floorMod(ticketId.hashCode(), SHARDS), e.getValue());
            return TransactWriteItem.builder().update(Update.builder().tableName(table).key(add.key())
                    .updateExpression(add.updateExpression()).expressionAttributeNames(add.expressionAttributeNames())
                    .expressionAttributeValues(add.expressionAttributeValues()).build()).build();
        }).toList();
    }

    /** Adds to the counters of one shard of a unit's day; the item is created on first use. */
    private UpdateItemRequest add(CounterKey key, int shard, Map<Counter, Long> deltas) {
        StringBuilder expression = new StringBuilder("ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (var e : deltas.entrySet()) {
            expression.append(i == 0 ? "" : ", ").append("#c").append(i).append(" :v").append(i);
            names.put("#c" + i, e.getKey().code());
            values.put(":v" + i, n(e.getValue()));
            i++;
        }
        return UpdateItemRequest.builder().tableName(table)
                .key(Map.of(PK, s(counterPk(key.unitId())), SK, s(key.day() + "#" + shard)))
                .updateExpression(expression.toString()).expressionAttributeNames(names)
                .expressionAttributeValues(values).build();
    }

    private static String counterPk(String unitId) {
        return "COUNT#" + unitId;
    }
}
