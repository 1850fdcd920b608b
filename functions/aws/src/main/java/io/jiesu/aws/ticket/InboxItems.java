package io.jiesu.aws.ticket;

import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.core.ticket.Transition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;
import static io.jiesu.aws.resources.CloudResources.UNIT_INBOX;
import static io.jiesu.aws.ticket.TableItems.s;
import static io.jiesu.aws.ticket.TableItems.sortableTime;
import static io.jiesu.aws.ticket.TableItems.ticketPk;

/** The inboxes in the table: one item per unit holding a ticket, beside the ticket, and the inbox index over them. */
final class InboxItems implements Inboxes {
    private final DynamoDbClient dynamo;
    private final String table;

    InboxItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** From the inbox index (never a scan). */
    @Override
    public List<InboxEntry> inbox(String unitId, TicketState state, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(inboxPk(unitId))));
        String condition = "GSI1PK = :pk";
        if (state != null) {
            condition += " AND begins_with(GSI1SK, :state)";
            values.put(":state", s(state.code() + "#"));
        }
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(UNIT_INBOX.name())
                .keyConditionExpression(condition).expressionAttributeValues(values).limit(limit).build();
        return dynamo.query(q).items().stream().map(i -> TicketJson.read(i.get("doc").s(), InboxEntry.class)).toList();
    }

    /** The inbox entries the transition writes (every unit holding the ticket now) and removes (those no longer). */
    List<TransactWriteItem> writes(Transition t) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, String> before = holders(t.before());
        Map<String, String> after = holders(t.after());
        after.forEach((unit, role) -> writes.add(TableItems.put(table, item(t.after(), unit, role), null, null)));
        before.keySet().stream().filter(u -> !after.containsKey(u)).forEach(unit -> writes.add(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of(
                        PK, s(ticketPk(t.after().id())), SK, s("U#" + unit))).build()).build()));
        return writes;
    }

    /** Unit id to its role, for every inbox the ticket belongs in now. */
    private static Map<String, String> holders(Ticket t) {
        Map<String, String> units = new LinkedHashMap<>();
        if (t == null || t.state() == null) {
            return units;
        }
        if (t.state() == TicketState.AWAITING_DISPATCH || t.state() == TicketState.JOINT_REVIEW) {
            units.put(DISPATCH_POOL, "pool");
        }
        List<String> assigned = t.assignedUnits();
        for (int i = 0; i < assigned.size(); i++) {
            units.put(assigned.get(i), i == 0 ? "lead" : "co");
        }
        return units;
    }

    private static Map<String, AttributeValue> item(Ticket t, String unit, String role) {
        Instant due = t.currentDue();
        InboxEntry entry = new InboxEntry(t.id(), unit, role, t.state(), t.category(), due, t.replyDueAt(),
                t.signedLate(), t.reopenCount(), t.receivedAt(), t.overdue(), t.supervision().escalationLevel(),
                t.supervision().remindedAt(), t.pendingExtension().isPresent(), t.provincial());
        return Map.of(PK, s(ticketPk(t.id())), SK, s("U#" + unit),
                UNIT_INBOX.partitionKey(), s(inboxPk(unit)),
                UNIT_INBOX.sortKey(), s(t.state().code() + "#" + sortableTime(due) + "#" + t.id()),
                "doc", s(TicketJson.write(entry)));
    }

    private static String inboxPk(String unit) {
        return "UNIT#" + unit;
    }
}
