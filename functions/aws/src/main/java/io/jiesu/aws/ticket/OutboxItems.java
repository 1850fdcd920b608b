package io.jiesu.aws.ticket;

import io.jiesu.aws.queues.OutboxMessage;
import io.jiesu.aws.resources.QueueName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jiesu.aws.resources.CloudResources.OUTBOX;
import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;
import static io.jiesu.aws.ticket.TableItems.n;
import static io.jiesu.aws.ticket.TableItems.s;
import static io.jiesu.aws.ticket.TableItems.sortableTime;
import static io.jiesu.aws.ticket.TableItems.ticketPk;

/** The outbox in the table: one item per message beside its ticket, and the outbox index over all of them. */
final class OutboxItems implements Outbox {
    private final DynamoDbClient dynamo;
    private final String table;

    OutboxItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<OutboxMessage> pendingOutbox(Instant writtenBefore, int limit) {
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(OUTBOX.name())
                .keyConditionExpression("GSI3PK = :pk AND GSI3SK < :before")
                .expressionAttributeValues(Map.of(":pk", s("OUTBOX"), ":before", s(sortableTime(writtenBefore))))
                .build();
        return dynamo.queryPaginator(q).items().stream().limit(limit).map(OutboxItems::message).toList();
    }

    @Override
    public boolean earlierOutboxPending(OutboxMessage m) {
        QueryRequest q = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :before")
                .expressionAttributeValues(Map.of(":pk", s(ticketPk(m.ticketId())), ":first", s("O#"),
                        ":before", s(String.format("O#%010d", m.version()))))
                .build();
        return dynamo.query(q).items().stream().map(OutboxItems::message)
                .anyMatch(o -> o.version() < m.version() && o.destination().equals(m.destination()));
    }

    @Override
    public void deleteOutbox(OutboxMessage m) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(m)).build());
    }

    /** The message, written in its transition's transaction. */
    TransactWriteItem put(OutboxMessage m) {
        Map<String, AttributeValue> item = new HashMap<>(key(m));
        item.putAll(Map.of("ticketId", s(m.ticketId()), "version", n(m.version()), "queue", s(m.destination()),
                "body", s(m.body()), "createdAt", s(m.createdAt().toString()),
                OUTBOX.partitionKey(), s("OUTBOX"),
                OUTBOX.sortKey(), s(sortableTime(m.createdAt()) + "#" + m.ticketId() + "#" + m.version())));
        return TableItems.put(table, item, null, null);
    }

    private static OutboxMessage message(Map<String, AttributeValue> i) {
        return new OutboxMessage(i.get("ticketId").s(), Long.parseLong(i.get("version").n()),
                OutboxMessage.TIMER.equals(i.get("queue").s()) || OutboxMessage.WORDS.equals(i.get("queue").s())
                        ? null : QueueName.valueOf(i.get("queue").s()),
                i.get("body").s(), Instant.parse(i.get("createdAt").s()));
    }

    private static Map<String, AttributeValue> key(OutboxMessage m) {
        return Map.of(PK, s(ticketPk(m.ticketId())), SK, s(String.format("O#%010d#%s", m.version(), m.destination())));
    }
}
