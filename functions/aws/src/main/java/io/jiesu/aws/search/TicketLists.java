package io.jiesu.aws.search;

import io.jiesu.aws.resources.CloudResources.Index;
import io.jiesu.aws.ticket.InboxEntry;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.ticket.TicketState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.jiesu.aws.resources.CloudResources.*;
import static io.jiesu.aws.search.SearchKeys.s;
import static io.jiesu.aws.search.SearchKeys.sortableTime;

/**
 * Ticket lists a screen pages through, each one index query per page (never a scan, never an offset): search,
 * a unit's inbox and the dispatch pool, a caller's earlier tickets by the keyed hash of the phone, a citizen's
 * own. A page ends where DynamoDB's key says, and its cursor starts the next page right after it, so paging
 * from the first page to the last lists every ticket once.
 *
 * <p>Filters DynamoDB applies after reading the index (state, words in the content, ...) make a page cost more
 * reads than it returns; a page reads at most {@link #MAX_EVALUATED} index entries, and may so come back short
 * with a cursor: the list goes on. A search with words reads the word index instead ({@link WordSearch}): only
 * the tickets holding its rarest term, so a rare word's page is found in one read, not many.
 */
public class TicketLists {
    /** The most index entries one page reads, however few of them pass the filters. */
    public static final int MAX_EVALUATED = 2000;
    private static final String INBOX_PARTITION_PREFIX = "UNIT#";
    private static final String CITIZEN_PARTITION_PREFIX = "CITIZEN#";
    private static final String TICKET_SK = "TICKET";

    private final DynamoDbClient dynamo;
    private final String table;
    private final PhoneHash phoneHash;
    private final WordSearch wordSearch;

    public TicketLists(DynamoDbClient dynamo, String table, PhoneHash phoneHash) {
        this.dynamo = dynamo;
        this.table = table;
        this.phoneHash = phoneHash;
        this.wordSearch = new WordSearch(dynamo, table);
    }

    /**
     * Tickets that meet the criteria, newest intake or soonest due first. With a reading unit, only the tickets
     * that unit may read (the criteria must then name it as lead unit: its index partition).
     */
    public Page<TicketCard> search(SearchCriteria c, String readingUnit, String cursor, int limit) {
        if (c.words() != null && !c.words().isEmpty()) {
            // words: the word index reads only the tickets holding the rarest of them, unless even that is common
            var byWords = wordSearch.search(c, readingUnit, cursor, limit);
            if (byWords.isPresent()) {
                return byWords.get();
            }
        }
        boolean byDue = c.order() == SearchCriteria.Order.DUE;
        Index index = c.leadUnit() != null ? (byDue ? LEAD_BY_DUE : LEAD_BY_INTAKE) : (byDue ? SEARCH_BY_DUE : SEARCH_BY_INTAKE);
        String partition = c.leadUnit() != null ? SearchKeys.leadPartition(c.leadUnit()) : SearchKeys.ALL;
        Map<String, String> names = new HashMap<>(Map.of("#pk", index.partitionKey()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partition)));
        String keyCondition = "#pk = :pk";
        List<String> filters = new ArrayList<>();
        String from = c.receivedFrom() == null ? null : sortableTime(c.receivedFrom());
        String before = c.receivedBefore() == null ? null : sortableTime(c.receivedBefore());
        if (!byDue && (from != null || before != null)) {
            // the intake indexes sort by intake time: the date range bounds the key, nothing outside it is read
            names.put("#sk", index.sortKey());
            values.put(":from", s(from == null ? "0" : from));
            values.put(":before", s(before == null ? "9999999999999~" : before));
            keyCondition += " AND #sk BETWEEN :from AND :before";
        } else {
            filter(filters, names, values, "received", ">=", from == null ? null : s(from));
            filter(filters, names, values, "received", "<", before == null ? null : s(before));
        }
        filter(filters, names, values, "state", "=", c.state() == null ? null : s(c.state().code()));
        filter(filters, names, values, "category", "=", c.category() == null ? null : s(c.category().code()));
        filter(filters, names, values, "channel", "=", c.channel() == null ? null : s(c.channel().code()));
        filter(filters, names, values, "overdue", "=", c.overdue() == null ? null : AttributeValue.builder().bool(c.overdue()).build());
        filter(filters, names, values, "provincial", "=", c.provincial() == null ? null : AttributeValue.builder().bool(c.provincial()).build());
        if (c.words() != null && !c.words().isEmpty()) {
            names.put("#words", "words");
            for (int i = 0; i < c.words().size(); i++) {
                filters.add("contains(#words, :w" + i + ")");
                values.put(":w" + i, s(SearchKeys.words(c.words().get(i))));
            }
        }
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(index.name())
                .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(byDue);
        if (!filters.isEmpty()) {
            q.filterExpression(String.join(" AND ", filters));
        }
        Function<Map<String, AttributeValue>, TicketCard> card = i -> TicketJson.read(i.get("card").s(), TicketCard.class);
        Predicate<TicketCard> readable = readingUnit == null ? t -> true : t -> t.readableByUnit(readingUnit);
        return page(q, index, partition, TICKET_SK, cursor, limit, card, readable);
    }

    /** A unit's open tickets (or the dispatch pool's), by state and due time, optionally of one state. */
    public Page<InboxEntry> inbox(String unitId, TicketState state, String cursor, int limit) {
        String partition = INBOX_PARTITION_PREFIX + unitId;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partition)));
        String condition = "GSI1PK = :pk";
        if (state != null) {
            condition += " AND begins_with(GSI1SK, :state)";
            values.put(":state", s(state.code() + "#"));
        }
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(UNIT_INBOX.name())
                .keyConditionExpression(condition).expressionAttributeValues(values);
        return page(q, UNIT_INBOX, partition, "U#" + unitId, cursor, limit, i -> TicketJson.read(i.get("doc").s(), InboxEntry.class), e -> true);
    }

    /** A citizen's own tickets, by the subject of the token they filed with, newest first. */
    public Page<TicketCard> filedBy(String subject, String cursor, int limit) {
        String partition = SearchKeys.filerPartition(subject);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(FILED_BY.name())
                .keyConditionExpression("GSI9PK = :pk").expressionAttributeValues(Map.of(":pk", s(partition)))
                .scanIndexForward(false);
        return page(q, FILED_BY, partition, TICKET_SK, cursor, limit, i -> TicketJson.read(i.get("card").s(), TicketCard.class), t -> true);
    }

    /**
     * The tickets filed from this phone number, newest first, by its keyed hash (the index holds keys only, so
     * each page's cards are read from the tickets in one batch).
     */
    public Page<TicketCard> ofPhone(String phone, String cursor, int limit) {
        String partition = CITIZEN_PARTITION_PREFIX + phoneHash.of(phone);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(CITIZEN_TICKETS.name())
                .keyConditionExpression("GSI2PK = :pk").expressionAttributeValues(Map.of(":pk", s(partition)))
                .scanIndexForward(false);
        Page<String> ids = page(q, CITIZEN_TICKETS, partition, TICKET_SK, cursor, limit, i -> i.get(PK).s(), k -> true);
        return new Page<>(cards(ids.items()), ids.next());
    }

    private List<TicketCard> cards(List<String> ticketKeys) {
        if (ticketKeys.isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> keys = ticketKeys.stream().distinct()
                .map(pk -> Map.of(PK, s(pk), SK, s(TICKET_SK))).toList();
        Map<String, TicketCard> byKey = new HashMap<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .projectionExpression("PK, card").build());
        while (!request.isEmpty()) {
            var answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
            answer.responses().getOrDefault(table, List.of())
                    .forEach(i -> byKey.put(i.get(PK).s(), TicketJson.read(i.get("card").s(), TicketCard.class)));
            request = answer.unprocessedKeys();
        }
        // in the index's order; a ticket written before cards existed has none, and is left out
        return ticketKeys.stream().map(byKey::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * One page of an index query: items in index order until the page is full or {@link #MAX_EVALUATED}
     * entries were read. A page that fills in the middle of what DynamoDB returned ends on its last item, so
     * the next page starts right after it and skips nothing.
     */
    private <T> Page<T> page(QueryRequest.Builder q, Index index, String partition, String tableSk, String cursor,
                             int limit, Function<Map<String, AttributeValue>, T> read, Predicate<T> keep) {
        Map<String, AttributeValue> start = Cursor.decode(cursor, index, partition, tableSk);
        List<T> items = new ArrayList<>();
        int evaluated = 0;
        // each read asks twice as many as the one before: a page the filters leave sparse costs a few round trips
        // (100 + 200 + 400 + 800 + 500 for the whole budget), not twenty reads of a hundred
        int chunk = Math.max(limit, 100);
        while (true) {
            int budget = MAX_EVALUATED - evaluated;
            QueryResponse r = dynamo.query(q.exclusiveStartKey(start).limit(Math.min(budget, chunk)).build());
            chunk *= 2;
            evaluated += r.scannedCount();
            Map<String, AttributeValue> last = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            List<Map<String, AttributeValue>> found = r.items();
            for (int i = 0; i < found.size(); i++) {
                T item = read.apply(found.get(i));
                if (keep.test(item)) {
                    items.add(item);
                }
                if (items.size() == limit) {
                    boolean lastOfAll = i == found.size() - 1 && last == null;
                    return new Page<>(items, lastOfAll ? null : Cursor.encode(found.get(i), index));
                }
            }
            if (last == null) {
                return new Page<>(items, null);
            }
            if (evaluated >= MAX_EVALUATED) {
                return new Page<>(items, Cursor.encode(last, index));
            }
            start = last;
        }
    }

    private static void filter(List<String> filters, Map<String, String> names, Map<String, AttributeValue> values,
                               String attribute, String op, AttributeValue value) {
        if (value == null) {
            return;
        }
        String name = "#" + attribute;
        String placeholder = ":" + attribute + (op.equals("<") ? "Before" : "");
        names.put(name, attribute);
        values.put(placeholder, value);
        filters.add(name + " " + op + " " + placeholder);
    }
}
