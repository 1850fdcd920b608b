package io.jiesu.aws.ticket;

import io.jiesu.aws.queues.OutboxMessage;
import io.jiesu.aws.rates.Counters;
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
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.jiesu.aws.resources.CloudResources.*;
import static io.jiesu.aws.ticket.TableItems.*;

/**
 * Tickets in one DynamoDB table: the ticket item, its append-only history, its inbox entries (one per unit
 * holding it, {@link InboxItems}), its outbox ({@link OutboxItems}), its counters ({@link CounterItems}) and
 * idempotency keys ({@link IdempotencyItems}). Every transition is one transaction conditional on the version it was computed from.
 */
public class TicketStore implements Tickets, Inboxes, Outbox, Counters {
    /** Counter items per unit per day are split this many ways, so busy units' transitions rarely collide. */
    public static final int COUNTER_SHARDS = CounterItems.SHARDS;
    private static final String TICKET_SK = "TICKET";
    /** The one partition of the open-tickets index (as the outbox index has one): open tickets number thousands. */
    private static final String OPEN_PK = "OPEN";

    private final DynamoDbClient dynamo;
    private final String table;
    private final PhoneHash phoneHash;
    private final IdempotencyItems idempotency;
    private final InboxItems inboxes;
    private final OutboxItems outbox;
    private final CounterItems counters;
    /** The centre's live figures (the dashboard's), written with each transition beside the units' counters. */
    private final io.jiesu.aws.dashboard.FigureItems figures;

    public TicketStore(DynamoDbClient dynamo, String table, PhoneHash phoneHash) {
        this(dynamo, table, phoneHash, new TicketCounters(java.time.ZoneId.of("Asia/Shanghai")));
    }

    public TicketStore(DynamoDbClient dynamo, String table, PhoneHash phoneHash, TicketCounters counters) {
        this.dynamo = dynamo;
        this.table = table;
        this.phoneHash = phoneHash;
        this.idempotency = new IdempotencyItems(dynamo, table);
        this.inboxes = new InboxItems(dynamo, table);
        this.outbox = new OutboxItems(dynamo, table);
        this.counters = new CounterItems(dynamo, table, counters);
        this.figures = new io.jiesu.aws.dashboard.FigureItems(dynamo, table,
                new io.jiesu.core.rates.CentreFigures(counters.zone()));
    }

    @Override
    public Ticket create(Transition created, String idempotencyKey, String fingerprint, List<OutboxMessage> messages) {
        if (idempotencyKey != null) {
            Optional<Ticket> earlier = earlierTicket(idempotencyKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        if (idempotencyKey != null) {
            writes.add(idempotency.put(idempotencyKey, created.after().id(), fingerprint, created.event().at()));
        }
        writes.add(put(table, ticketItem(created.after()), "attribute_not_exists(PK)", null));
        writes.addAll(sideItems(created, messages));
        try {
            transact(writes);
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

    @Override
    public void save(Transition t, List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(table, ticketItem(t.after()), "#v = :expected", Map.of(":expected", n(t.before().version()))));
        writes.addAll(sideItems(t, messages));
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            String ticketReason = reasons.isEmpty() ? null : reasons.get(0).code();
            // the ticket's own write lost (its version moved, or a transaction raced on it): a lost race
            if ("ConditionalCheckFailed".equals(ticketReason) || "TransactionConflict".equals(ticketReason)) {
                throw new ConcurrentTransitionException(t.before().id(), t.before().version());
            }
            throw e;
        }
    }

    /**
     * Writes a transition's items, trying again shortly while the only reason it was refused is a transaction
     * conflict (another ticket's transaction holding a shared item: a unit's counters, the centre's figures for the
     * day); any other refusal, or a conflict that outlasts the tries, is for the caller.
     */
    private void transact(List<TransactWriteItem> writes) {
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
                pause(ThreadLocalRandom.current().nextLong(10, 40L * attempt));
            }
        }
    }

    @Override
    public Optional<Ticket> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(PK, s(ticketPk(id)), SK, s(TICKET_SK))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(TicketJson.read(item.get("doc").s(), Ticket.class));
    }

    @Override
    public List<TicketEvent> history(String id) {
        List<TicketEvent> events = new ArrayList<>();
        QueryRequest q = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :h)")
                .expressionAttributeValues(Map.of(":pk", s(ticketPk(id)), ":h", s("H#")))
                .consistentRead(true).build();
        dynamo.queryPaginator(q).items().forEach(i -> events.add(TicketJson.read(i.get("doc").s(), TicketEvent.class)));
        return events;
    }

    /** From the sparse open-tickets index (never a scan). */
    @Override
    public Stream<String> openTicketIds() {
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(OPEN_TICKETS.name())
                .keyConditionExpression("GSI4PK = :pk").expressionAttributeValues(Map.of(":pk", s(OPEN_PK))).build();
        return dynamo.queryPaginator(q).items().stream().map(i -> i.get(OPEN_TICKETS.sortKey()).s());
    }

    /** By the phone number's keyed hash. */
    @Override
    public List<String> ticketsOfPhone(String phone, int limit) {
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(CITIZEN_TICKETS.name())
                .keyConditionExpression("GSI2PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s("CITIZEN#" + phoneHash.of(phone))))
                .scanIndexForward(false).limit(limit).build();
        return dynamo.query(q).items().stream().map(i -> i.get(PK).s().substring("T#".length())).toList();
    }

    @Override
    public List<InboxEntry> inbox(String unitId, TicketState state, int limit) {
        return inboxes.inbox(unitId, state, limit);
    }

    @Override
    public List<OutboxMessage> pendingOutbox(Instant writtenBefore, int limit) {
        return outbox.pendingOutbox(writtenBefore, limit);
    }

    @Override
    public boolean earlierOutboxPending(OutboxMessage m) {
        return outbox.earlierOutboxPending(m);
    }

    @Override
    public void deleteOutbox(OutboxMessage m) {
        outbox.deleteOutbox(m);
    }

    @Override
    public Map<LocalDate, Map<Counter, Long>> counters(String unitId, LocalDate from, LocalDate to) {
        return counters.counters(unitId, from, to);
    }

    @Override
    public void addCounters(CounterKey key, int shard, Map<Counter, Long> deltas) {
        counters.addCounters(key, shard, deltas);
    }

    private Optional<Ticket> earlierTicket(String idempotencyKey, String fingerprint) {
        return idempotency.earlierTicketId(idempotencyKey, fingerprint).flatMap(this::find);
    }

    /** History (append-only: one item per version, never overwritten), inbox entries, counters and outbox. */
    private List<TransactWriteItem> sideItems(Transition t, List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        TicketEvent e = t.event();
        writes.add(put(table, Map.of(PK, s(ticketPk(e.ticketId())), SK, s(String.format("H#%010d", e.version())),
                "doc", s(TicketJson.write(e))), "attribute_not_exists(PK)", null));
        writes.addAll(inboxes.writes(t));
        writes.addAll(counters.updates(t));
        figures.update(t).ifPresent(writes::add);
        // a ticket taken in about a notice (a water cut) counts on the notice
        io.jiesu.aws.notice.NoticeLinkItems.update(table, t).ifPresent(writes::add);
        messages.forEach(m -> writes.add(outbox.put(m)));
        return writes;
    }

    /** The ticket's own item as stored, with its index keys (the search benchmark loads tables with it). */
    public Map<String, AttributeValue> ticketItem(Ticket t) {
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

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
