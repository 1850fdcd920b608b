package io.jiesu.aws.tickets;

import io.jiesu.aws.queues.OutboxMessage;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.CounterKey;
import io.jiesu.core.rates.TicketCounters;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketEvent;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.core.ticket.Transition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.time.Instant;
import java.util.*;

import static io.jiesu.aws.resources.CloudResources.*;

/**
 * Tickets in one DynamoDB table: the ticket item, its append-only history, its inbox entries (one per unit
 * holding it), its outbox, and idempotency keys. Every transition is one transaction conditional on the
 * version it was computed from.
 */
public class TicketStore {
    /** The pseudo-unit whose inbox holds tickets waiting for a dispatcher. */
    public static final String DISPATCH_POOL = "dispatch-pool";
    private static final String TICKET_SK = "TICKET";
    /** The one partition of the open-tickets index (as the outbox index has one): open tickets number thousands. */
    private static final String OPEN_PK = "OPEN";

    /** Counter items per unit per day are split this many ways, so busy units' transitions rarely collide. */
    public static final int COUNTER_SHARDS = 4;

    private final DynamoDbClient dynamo;
    private final String table;
    private final PhoneHash phoneHash;
    private final TicketCounters counters;
    /** The centre's live figures (the dashboard's), written with each transition beside the units' counters. */
    private final io.jiesu.aws.dashboard.FigureItems figures;

    public TicketStore(DynamoDbClient dynamo, String table, PhoneHash phoneHash) {
        this(dynamo, table, phoneHash, new TicketCounters(java.time.ZoneId.of("Asia/Shanghai")));
    }

    public TicketStore(DynamoDbClient dynamo, String table, PhoneHash phoneHash, TicketCounters counters) {
        this.dynamo = dynamo;
        this.table = table;
        this.phoneHash = phoneHash;
        this.counters = counters;
        this.figures = new io.jiesu.aws.dashboard.FigureItems(dynamo, table,
                new io.jiesu.core.rates.CentreFigures(counters.zone()));
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    /**
     * Stores a new ticket, or, when the idempotency key was seen before with the same request, returns the
     * ticket that request created and writes nothing.
     */
    public Ticket create(Transition created, String idempotencyKey, String fingerprint, List<OutboxMessage> outbox) {
        if (idempotencyKey != null) {
            Optional<Ticket> earlier = earlierTicket(idempotencyKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        if (idempotencyKey != null) {
            writes.add(put(Map.of(PK, s(idemKey(idempotencyKey)), SK, s("IDEM"),
                    "ticketId", s(created.after().id()), "fingerprint", s(fingerprint),
                    "createdAt", s(created.event().at().toString())), "attribute_not_exists(PK)", null));
        }
        writes.add(put(ticketItem(created.after()), "attribute_not_exists(PK)", null));
        writes.addAll(sideItems(created, outbox));
        try {
            transactSharingItems(writes);
            return created.after();
        } catch (TransactionCanceledException e) {
            if (idempotencyKey != null) {
                // a concurrent request with the same key won the race: answer with its ticket
                for (int attempt = 0; attempt < 3; attempt++) {
                    Optional<Ticket> earlier = earlierTicket(idempotencyKey, fingerprint);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    pause(50L << attempt);
                }
                throw new ConcurrentTransitionException(created.after().id(), 0);
            }
            throw e;
        }
    }

    /**
     * Applies a transition if the ticket is still at the version it was computed from, with its history, inbox
     * entries, outbox messages and counters, all in one transaction.
     */
    public void save(Transition t, List<OutboxMessage> outbox) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(ticketItem(t.after()), "#v = :expected",
                Map.of(":expected", n(t.before().version()))));
        writes.addAll(sideItems(t, outbox));
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return;
            } catch (TransactionCanceledException e) {
                var reasons = e.cancellationReasons();
                String ticketReason = reasons.isEmpty() ? null : reasons.get(0).code();
                // the ticket's own write lost (its version moved, or a transaction raced on it): a lost race
                if ("ConditionalCheckFailed".equals(ticketReason) || "TransactionConflict".equals(ticketReason)) {
                    throw new ConcurrentTransitionException(t.before().id(), t.before().version());
                }
                // another ticket's transaction held a shared item (a counter): try again shortly
                boolean sharedItemBusy = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!sharedItemBusy || attempt == 4) {
                    throw e;
                }
                pause(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 40L * attempt));
            }
        }
    }

    /**
     * Writes a new ticket's items, trying again shortly while the only reason it was refused is another ticket's
     * transaction holding a shared item (the centre's figures for the day): any other refusal is for the caller.
     */
    private void transactSharingItems(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return;
            } catch (TransactionCanceledException e) {
                boolean onlyConflicts = e.cancellationReasons().stream()
                        .allMatch(r -> r.code() == null || "None".equals(r.code()) || "TransactionConflict".equals(r.code()));
                if (!onlyConflicts || attempt == 4) {
                    throw e;
                }
                pause(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 40L * attempt));
            }
        }
    }

    /** A unit's counters for each day from..to (inclusive), summed over their shards. */
    public Map<java.time.LocalDate, Map<Counter, Long>> counters(String unitId, java.time.LocalDate from, java.time.LocalDate to) {
        Map<java.time.LocalDate, Map<Counter, Long>> days = new java.util.TreeMap<>();
        QueryRequest q = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(counterPk(unitId)), ":from", s(from + "#"), ":to", s(to + "#~")))
                .build();
        dynamo.queryPaginator(q).items().forEach(item -> {
            java.time.LocalDate day = java.time.LocalDate.parse(item.get(SK).s().substring(0, 10));
            Map<Counter, Long> sums = days.computeIfAbsent(day, d -> new java.util.EnumMap<>(Counter.class));
            for (Counter c : Counter.values()) {
                AttributeValue v = item.get(c.code());
                if (v != null) {
                    sums.merge(c, Long.parseLong(v.n()), Long::sum);
                }
            }
        });
        return days;
    }

    public void deleteOutbox(OutboxMessage m) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(outboxKey(m)).build());
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    public Optional<Ticket> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(PK, s(ticketPk(id)), SK, s(TICKET_SK))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(TicketJson.read(item.get("doc").s(), Ticket.class));
    }

    public List<TicketEvent> history(String id) {
        List<TicketEvent> events = new ArrayList<>();
        QueryRequest q = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :h)")
                .expressionAttributeValues(Map.of(":pk", s(ticketPk(id)), ":h", s("H#")))
                .consistentRead(true).build();
        dynamo.queryPaginator(q).items().forEach(i -> events.add(TicketJson.read(i.get("doc").s(), TicketEvent.class)));
        return events;
    }

    /** A unit's open tickets, by state and due time, from the inbox index (never a scan). */
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

    /**
     * The ids of all open tickets, from the sparse open-tickets index (never a scan). The index is eventually
     * consistent: read the ticket itself before acting on it.
     */
    public java.util.stream.Stream<String> openTicketIds() {
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(OPEN_TICKETS.name())
                .keyConditionExpression("GSI4PK = :pk").expressionAttributeValues(Map.of(":pk", s(OPEN_PK))).build();
        return dynamo.queryPaginator(q).items().stream().map(i -> i.get(OPEN_TICKETS.sortKey()).s());
    }

    /** Ticket ids filed from this phone number, newest first, by its keyed hash. */
    public List<String> ticketsOfPhone(String phone, int limit) {
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(CITIZEN_TICKETS.name())
                .keyConditionExpression("GSI2PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s("CITIZEN#" + phoneHash.of(phone))))
                .scanIndexForward(false).limit(limit).build();
        return dynamo.query(q).items().stream().map(i -> i.get(PK).s().substring("T#".length())).toList();
    }

    /** Outbox messages written before the given instant and not yet confirmed sent, oldest first. */
    public List<OutboxMessage> pendingOutbox(Instant writtenBefore, int limit) {
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(OUTBOX.name())
                .keyConditionExpression("GSI3PK = :pk AND GSI3SK < :before")
                .expressionAttributeValues(Map.of(":pk", s("OUTBOX"), ":before", s(sortableTime(writtenBefore))))
                .build();
        return dynamo.queryPaginator(q).items().stream().limit(limit).map(TicketStore::outboxMessage).toList();
    }

    /** Whether an earlier message of the ticket to the same queue still waits in its outbox (order must hold). */
    public boolean earlierOutboxPending(OutboxMessage m) {
        QueryRequest q = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :before")
                .expressionAttributeValues(Map.of(":pk", s(ticketPk(m.ticketId())), ":first", s("O#"),
                        ":before", s(String.format("O#%010d", m.version()))))
                .build();
        return dynamo.query(q).items().stream().map(TicketStore::outboxMessage)
                .anyMatch(o -> o.version() < m.version() && o.destination().equals(m.destination()));
    }

    private static OutboxMessage outboxMessage(Map<String, AttributeValue> i) {
        return new OutboxMessage(i.get("ticketId").s(), Long.parseLong(i.get("version").n()),
                OutboxMessage.TIMER.equals(i.get("queue").s()) ? null : QueueName.valueOf(i.get("queue").s()),
                i.get("body").s(), Instant.parse(i.get("createdAt").s()));
    }

    // ---- items -----------------------------------------------------------------------------------------------

    private Optional<Ticket> earlierTicket(String idempotencyKey, String fingerprint) {
        Map<String, AttributeValue> idem = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(PK, s(idemKey(idempotencyKey)), SK, s("IDEM"))).consistentRead(true).build()).item();
        if (idem == null || idem.isEmpty()) {
            return Optional.empty();
        }
        if (!idem.get("fingerprint").s().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(idempotencyKey);
        }
        return find(idem.get("ticketId").s());
    }

    /** History, inbox entries and outbox items that go with a transition. */
    private List<TransactWriteItem> sideItems(Transition t, List<OutboxMessage> outbox) {
        List<TransactWriteItem> writes = new ArrayList<>();
        TicketEvent e = t.event();
        // history is append-only: one item per version, never overwritten
        writes.add(put(Map.of(PK, s(ticketPk(e.ticketId())), SK, s(String.format("H#%010d", e.version())),
                "doc", s(TicketJson.write(e))), "attribute_not_exists(PK)", null));
        Map<String, String> before = holders(t.before());
        Map<String, String> after = holders(t.after());
        after.forEach((unit, role) -> writes.add(put(inboxItem(t.after(), unit, role), null, null)));
        before.keySet().stream().filter(u -> !after.containsKey(u)).forEach(unit -> writes.add(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Map.of(
                        PK, s(ticketPk(t.after().id())), SK, s("U#" + unit))).build()).build()));
        counters.of(t).forEach((key, deltas) -> writes.add(counterUpdate(key, deltas, t.after().id())));
        figures.update(t).ifPresent(writes::add);
        for (OutboxMessage m : outbox) {
            Map<String, AttributeValue> item = new HashMap<>(outboxKey(m));
            item.putAll(Map.of("ticketId", s(m.ticketId()), "version", n(m.version()), "queue", s(m.destination()),
                    "body", s(m.body()), "createdAt", s(m.createdAt().toString()),
                    OUTBOX.partitionKey(), s("OUTBOX"),
                    OUTBOX.sortKey(), s(sortableTime(m.createdAt()) + "#" + m.ticketId() + "#" + m.version())));
            writes.add(put(item, null, null));
        }
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

    /** One ADD per counter on the unit's item for the day (the shard picked by ticket), created on first use. */
    private TransactWriteItem counterUpdate(CounterKey key, Map<Counter, Long> deltas, String ticketId) {
        UpdateItemRequest add = counterAdd(key, Math.floorMod(ticketId.hashCode(), COUNTER_SHARDS), deltas);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(add.key())
                .updateExpression(add.updateExpression()).expressionAttributeNames(add.expressionAttributeNames())
                .expressionAttributeValues(add.expressionAttributeValues()).build()).build();
    }

    /**
     * Adds to one shard of a unit's counters for a day outside any transition: for loading counters in bulk
     * (benchmarks, a migration). Transitions count through {@link #save}, never through this.
     */
    public void addCounters(CounterKey key, int shard, Map<Counter, Long> deltas) {
        dynamo.updateItem(counterAdd(key, Math.floorMod(shard, COUNTER_SHARDS), deltas));
    }

    private UpdateItemRequest counterAdd(CounterKey key, int shard, Map<Counter, Long> deltas) {
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

    private Map<String, AttributeValue> ticketItem(Ticket t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(ticketPk(t.id())));
        item.put(SK, s(TICKET_SK));
        item.put("version", n(t.version()));
        item.put("state", s(t.state().code()));
        item.put("doc", s(TicketJson.write(t)));
        // the list indexes' keys and what they copy (search, a lead unit's tickets, a filer's own)
        item.putAll(io.jiesu.aws.search.SearchKeys.of(t));
        if (t.state().open()) {
            // sparse: the item leaves the open-tickets index when the ticket closes
            item.put(OPEN_TICKETS.partitionKey(), s(OPEN_PK));
            item.put(OPEN_TICKETS.sortKey(), s(t.id()));
        }
        if (t.citizen() != null && t.citizen().phone() != null) {
            item.put(CITIZEN_TICKETS.partitionKey(), s("CITIZEN#" + phoneHash.of(t.citizen().phone())));
            item.put(CITIZEN_TICKETS.sortKey(), s(sortableTime(t.receivedAt()) + "#" + t.id()));
        }
        return item;
    }

    private Map<String, AttributeValue> inboxItem(Ticket t, String unit, String role) {
        Instant due = t.currentDue();
        InboxEntry entry = new InboxEntry(t.id(), unit, role, t.state(), t.category(), due, t.replyDueAt(),
                t.signedLate(), t.reopenCount(), t.receivedAt(), t.overdue(), t.supervision().escalationLevel(),
                t.supervision().remindedAt(), t.pendingExtension().isPresent(), t.provincial());
        return Map.of(PK, s(ticketPk(t.id())), SK, s("U#" + unit),
                UNIT_INBOX.partitionKey(), s(inboxPk(unit)),
                UNIT_INBOX.sortKey(), s(t.state().code() + "#" + sortableTime(due) + "#" + t.id()),
                "doc", s(TicketJson.write(entry)));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
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

    private static Map<String, AttributeValue> outboxKey(OutboxMessage m) {
        return Map.of(PK, s(ticketPk(m.ticketId())), SK, s(String.format("O#%010d#%s", m.version(), m.destination())));
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private static String ticketPk(String id) {
        return "T#" + id;
    }

    private static String inboxPk(String unit) {
        return "UNIT#" + unit;
    }

    private static String idemKey(String key) {
        return "IDEM#" + key;
    }

    /** Fixed-width epoch millis, so index keys sort by time; a missing time sorts last. */
    private static String sortableTime(Instant t) {
        return t == null ? "9999999999999" : String.format("%013d", t.toEpochMilli());
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    private static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }
}
