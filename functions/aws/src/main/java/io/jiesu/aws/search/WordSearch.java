package io.jiesu.aws.search;

import io.jiesu.aws.ticket.TicketJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SEARCH_BY_DUE;
import static io.jiesu.aws.resources.CloudResources.SK;
import static io.jiesu.aws.search.SearchKeys.s;
import static io.jiesu.aws.search.SearchKeys.sortableTime;

/**
 * A search with words, served by the word index ({@link WordIndex}): it reads the partition of the rarest term
 * the words hold, newest intake first, and checks each ticket found there against the whole search (every word
 * as written, state, category, channel, lead unit, dates, overdue, provincial; what a unit may read) on the
 * ticket's item, so it reads the tickets that hold the words and no others. Sorted by due time, the rarest
 * term's tickets (few: at most {@link #DUE_ORDER_MAX}) are read whole and sorted.
 *
 * <p>When even the rarest term is common (more than {@link TicketLists#MAX_EVALUATED} tickets; for one lead
 * unit's search, more than {@link #LEAD_UNIT_MAX}), the words are found densely enough by the search indexes'
 * filter, and the caller uses that instead ({@link Optional#empty()}).
 * Both ways a page's cursor is its last ticket's sort key in the search indexes (intake or due time, then the
 * ticket id), so a list may go on either way from page to page.
 */
final class WordSearch {
    /** The most tickets of the rarest term that a search by due time reads and sorts for each page. */
    static final int DUE_ORDER_MAX = 500;
    /**
     * The most tickets of the rarest term read for one lead unit's search: its index partition holds a small share
     * of the tickets, which the filter reads in one query of index entries, cheaper each than a ticket read by key;
     * so the word index serves a unit's search only for a rare term (the benchmark: a place and a common matter in
     * one unit, 1,333 tickets of the term, took 1.1 s by the word index against 0.85 s by the filter).
     */
    static final int LEAD_UNIT_MAX = 200;
    private static final Pattern POSITION = Pattern.compile("^[0-9]{13}#T[0-9A-Za-z-]{1,48}$");
    private static final String TICKET_SK = "TICKET";
    private static final String TICKET_PK_PREFIX = "T#";
    /** What a ticket item is checked by: the search indexes' attributes and the due order's key. */
    private static final List<String> CHECKED = List.of("card", "state", "category", "channel", "leadUnit", "overdue",
            "provincial", "received", "words", SEARCH_BY_DUE.sortKey());
    private static final int BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final WordIndex index;

    WordSearch(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.index = new WordIndex(dynamo, table);
    }

    /** The page, or empty when the words are too common for the word index to be the cheaper way. */
    Optional<Page<TicketCard>> search(SearchCriteria c, String readingUnit, String cursor, int limit) {
        Set<String> terms = new LinkedHashSet<>();
        c.words().forEach(w -> terms.addAll(WordTerms.of(w)));
        if (terms.isEmpty()) {
            return Optional.empty(); // single characters: no term to look up
        }
        String after = position(cursor);
        Map<String, Long> counts = index.counts(terms);
        String rarest = terms.stream().min(Comparator.comparing(counts::get)).orElseThrow();
        long count = counts.get(rarest);
        if (count == 0) {
            return Optional.of(new Page<>(List.of(), null));
        }
        boolean byDue = c.order() == SearchCriteria.Order.DUE;
        int most = c.leadUnit() != null ? LEAD_UNIT_MAX : byDue ? DUE_ORDER_MAX : TicketLists.MAX_EVALUATED;
        // past WordIndex.NEVER_READ_ABOVE a term's partition is no longer written, so never complete
        if (count > Math.min(most, WordIndex.NEVER_READ_ABOVE)) {
            return Optional.empty();
        }
        TicketMatch match = new TicketMatch(c, readingUnit);
        return Optional.of(byDue ? byDue(rarest, match, after, limit) : byIntake(rarest, match, after, limit));
    }

    /** Walks the term's partition newest first from the cursor, checking its tickets a batch at a time. */
    private Page<TicketCard> byIntake(String term, TicketMatch match, String after, int limit) {
        List<TicketCard> page = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int batch = Math.min(BATCH_GET, limit + 5);
        while (true) {
            QueryResponse r = dynamo.query(partition(term, match, after).exclusiveStartKey(start).scanIndexForward(false)
                    .limit(batch).build());
            List<String> positions = r.items().stream().map(i -> i.get(SK).s()).filter(p -> !p.equals(after)).toList();
            Map<String, Map<String, AttributeValue>> tickets = tickets(positions);
            boolean more = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
            for (int i = 0; i < positions.size(); i++) {
                Map<String, AttributeValue> item = tickets.get(positions.get(i));
                if (item != null && match.test(item)) {
                    page.add(TicketJson.read(item.get("card").s(), TicketCard.class));
                    if (page.size() == limit) {
                        boolean last = i == positions.size() - 1 && !more;
                        return new Page<>(page, last ? null : encode(positions.get(i)));
                    }
                }
            }
            if (!more) {
                return new Page<>(page, null);
            }
            start = r.lastEvaluatedKey();
            batch = BATCH_GET;
        }
    }

    /** Reads the term's few tickets whole, keeps those that match, and pages them soonest due first. */
    private Page<TicketCard> byDue(String term, TicketMatch match, String after, int limit) {
        List<String> positions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(partition(term, match, null).exclusiveStartKey(start).build());
            r.items().forEach(i -> positions.add(i.get(SK).s()));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        List<Map<String, AttributeValue>> found = tickets(positions).values().stream().filter(match)
                .sorted(Comparator.comparing(WordSearch::dueKey))
                .filter(i -> after == null || dueKey(i).compareTo(after) > 0).toList();
        List<TicketCard> page = found.stream().limit(limit).map(i -> TicketJson.read(i.get("card").s(), TicketCard.class)).toList();
        return new Page<>(page, found.size() > limit ? encode(dueKey(found.get(limit - 1))) : null);
    }

    /** The term's items in the intake range asked for (and before the cursor, newest first). */
    private QueryRequest.Builder partition(String term, TicketMatch match, String before) {
        String from = match.receivedFrom() == null ? "0" : match.receivedFrom();
        String upper = match.receivedBefore() == null ? "9999999999999~" : match.receivedBefore();
        if (before != null && before.compareTo(upper) < 0) {
            upper = before; // inclusive: the cursor's own ticket is skipped by the caller
        }
        if (upper.compareTo(from) < 0) {
            upper = from; // a cursor older than the range: BETWEEN wants its bounds in order, and finds nothing
        }
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :upper")
                .expressionAttributeValues(Map.of(":pk", s(WordIndex.partition(term)), ":from", s(from), ":upper", s(upper)));
    }

    /** The tickets' items, by their position (intake time and id) in the word index. */
    private Map<String, Map<String, AttributeValue>> tickets(List<String> positions) {
        Map<String, Map<String, AttributeValue>> byPosition = new HashMap<>();
        Map<String, String> positionOfKey = new HashMap<>();
        positions.forEach(p -> positionOfKey.put(TICKET_PK_PREFIX + p.substring(p.indexOf('#') + 1), p));
        List<Map<String, AttributeValue>> keys = positionOfKey.keySet().stream()
                .map(pk -> Map.of(PK, s(pk), SK, s(TICKET_SK))).toList();
        Map<String, String> names = new HashMap<>();
        List<String> projection = new ArrayList<>(List.of(PK));
        for (int i = 0; i < CHECKED.size(); i++) {
            names.put("#a" + i, CHECKED.get(i));
            projection.add("#a" + i);
        }
        for (int i = 0; i < keys.size(); i += BATCH_GET) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(i, Math.min(keys.size(), i + BATCH_GET)))
                    .projectionExpression(String.join(", ", projection)).expressionAttributeNames(names).build());
            while (!request.isEmpty()) {
                var answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                answer.responses().getOrDefault(table, List.of()).forEach(item ->
                        byPosition.put(positionOfKey.get(item.get(PK).s()), item));
                request = answer.unprocessedKeys();
            }
        }
        return byPosition;
    }

    private static String dueKey(Map<String, AttributeValue> item) {
        return item.get(SEARCH_BY_DUE.sortKey()).s();
    }

    private static String encode(String position) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(position.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Where the cursor says the list goes on, or null for the first page. */
    private static String position(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String position = Cursor.sortKey(cursor);
        if (!POSITION.matcher(position).matches()) {
            throw new Cursor.BadCursorException();
        }
        return position;
    }

    /** The whole search, checked on a ticket's item as the search indexes' filters would. */
    private record TicketMatch(SearchCriteria c, String readingUnit, String receivedFrom, String receivedBefore)
            implements java.util.function.Predicate<Map<String, AttributeValue>> {
        TicketMatch(SearchCriteria c, String readingUnit) {
            this(c, readingUnit, c.receivedFrom() == null ? null : sortableTime(c.receivedFrom()),
                    c.receivedBefore() == null ? null : sortableTime(c.receivedBefore()));
        }

        @Override
        public boolean test(Map<String, AttributeValue> item) {
            if (!item.containsKey("card") || !item.containsKey("words")) {
                return false; // a ticket stored before the lists existed: the search indexes do not hold it either
            }
            String received = str(item, "received");
            String words = item.get("words").s();
            boolean matches = (c.state() == null || c.state().code().equals(str(item, "state")))
                    && (c.category() == null || c.category().code().equals(str(item, "category")))
                    && (c.channel() == null || c.channel().code().equals(str(item, "channel")))
                    && (c.leadUnit() == null || c.leadUnit().equals(str(item, "leadUnit")))
                    && (c.overdue() == null || c.overdue().equals(bool(item, "overdue")))
                    && (c.provincial() == null || c.provincial().equals(bool(item, "provincial")))
                    && (receivedFrom == null || received != null && received.compareTo(receivedFrom) >= 0)
                    && (receivedBefore == null || received != null && received.compareTo(receivedBefore) < 0)
                    && c.words().stream().allMatch(w -> words.contains(SearchKeys.words(w)));
            return matches && (readingUnit == null
                    || TicketJson.read(item.get("card").s(), TicketCard.class).readableByUnit(readingUnit));
        }

        private static String str(Map<String, AttributeValue> item, String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : v.s();
        }

        private static Boolean bool(Map<String, AttributeValue> item, String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : v.bool();
        }
    }
}
