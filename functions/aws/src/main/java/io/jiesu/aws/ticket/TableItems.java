package io.jiesu.aws.ticket;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.Map;

/** The single table's keys and values, as the ticket items write them. */
final class TableItems {
    private TableItems() {
    }

    static String ticketPk(String id) {
        return "T#" + id;
    }

    /** Fixed-width epoch millis, so index keys sort by time; a missing time sorts last. */
    static String sortableTime(Instant t) {
        return t == null ? "9999999999999" : String.format("%013d", t.toEpochMilli());
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }

    /** A put in a transaction; with a condition, "#v" names the version attribute. */
    static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition,
                                 Map<String, AttributeValue> values) {
        Put.Builder p = Put.builder().tableName(table).item(item);
        if (condition != null) {
            p.conditionExpression(condition);
            if (condition.contains("#v")) {
                p.expressionAttributeNames(Map.of("#v", "version"));
            }
            if (values != null) {
                p.expressionAttributeValues(values);
            }
        }
        return TransactWriteItem.builder().put(p.build()).build();
    }
}
