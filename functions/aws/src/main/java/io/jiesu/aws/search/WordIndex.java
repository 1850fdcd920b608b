package io.jiesu.aws.search;

import io.jiesu.core.ticket.Ticket;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;
import static io.jiesu.aws.search.SearchKeys.s;
import static io.jiesu.aws.search.SearchKeys.sortableTime;

/**
 * The word index in the table: for each term ({@link WordTerms}) of a ticket's content one item, PK
 * {@code WORD#<term>}, SK {@code <intake time>#<ticket id>}, so a term's partition lists the tickets holding it
 * newest first and a search with words reads only those; and per term a count of its tickets (SK {@code COUNT}),
 * which tells a search the rarest term to start from. The content never changes after intake, so a ticket is
 * indexed once, after its intake transaction (the transaction holds at most 100 items; the terms of a long
 * complaint are more): from the outbox, so a crash in between leaves the message for the relay, which indexes it
 * again. Writing is idempotent: items are overwritten alike, and a term is counted only for the tickets whose item
 * was not there yet, before the item is written (a crash between the two overcounts, which only makes a term look
 * commoner than it is).
 *
 * <p>A term in more tickets than any search reads by the word index ({@link #NEVER_READ_ABOVE}) is written no
 * more: no search reads its partition (a search whose rarest term is that common uses the search indexes' filter),
 * and counts only grow, so it never will. Everyday terms (小区, 反映, 噪音) stop costing writes once the index has
 * seen a few thousand tickets; what each ticket still writes are the terms that make it findable.
 */
public class WordIndex {
    static final String PARTITION_PREFIX = "WORD#";
    static final String COUNT_SK = "COUNT";
    static final String COUNT = "tickets";
    /**
     * The most tickets of a term any search reads the term's partition for ({@link WordSearch} holds to it). A fact of
     * the data once written: tables hold terms left unwritten past it, so it may be lowered but never raised.
     */
    static final long NEVER_READ_ABOVE = 2000;
    private static final int BATCH_GET = 100;
    private static final int BATCH_WRITE = 25;
    /**
     * A ticket's twenty-odd count updates go side by side, so indexing after intake costs about one round trip of
     * them, not twenty (the intake request waits for it); shared by every index in the process.
     */
    private static final ExecutorService COUNTING = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "word-counter");
        t.setDaemon(true);
        return t;
    });

    private final DynamoDbClient dynamo;
    private final String table;
    /** Terms found past {@link #NEVER_READ_ABOVE}: they stay past it, so this process need not read their counts again. */
    private final Set<String> tooCommon = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public WordIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(String term) {
        return PARTITION_PREFIX + term;
    }

    /** The term a word item or a count belongs to. */
    private static String termOf(Map<String, AttributeValue> item) {
        return item.get(PK).s().substring(PARTITION_PREFIX.length());
    }

    private static Map<String, AttributeValue> countKey(String term) {
        return Map.of(PK, s(partition(term)), SK, s(COUNT_SK));
    }

    private static long countOf(Map<String, AttributeValue> count) {
        return count.containsKey(COUNT) ? Long.parseLong(count.get(COUNT).n()) : 0L;
    }

    /** The word items' sort key: the order of the search by intake, and the search indexes' own sort key. */
    static String position(Ticket t) {
        return sortableTime(t.receivedAt()) + "#" + t.id();
    }

    public void index(Ticket t) {
        index(List.of(t));
    }

    /** Indexes these tickets' content (a batch of the backfill, or one ticket taken in); returns the items written. */
    public int index(List<Ticket> tickets) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Set<String> terms = new HashSet<>();
        for (Ticket t : tickets) {
            for (String term : WordTerms.of(t.content())) {
                if (!tooCommon.contains(term)) {
                    items.add(Map.of(PK, s(partition(term)), SK, s(position(t))));
                    terms.add(term);
                }
            }
        }
        // the items already there and the terms' counts, in one read
        List<Map<String, AttributeValue>> keys = new ArrayList<>(new HashSet<>(items));
        terms.forEach(term -> keys.add(countKey(term)));
        Set<Map<String, AttributeValue>> there = new HashSet<>();
        for (Map<String, AttributeValue> found : get(keys, PK + ", " + SK + ", #n", Map.of("#n", COUNT))) {
            if (!found.get(SK).s().equals(COUNT_SK)) {
                there.add(Map.of(PK, found.get(PK), SK, found.get(SK)));
            } else if (countOf(found) > NEVER_READ_ABOVE) {
                tooCommon.add(termOf(found));
            }
        }
        Map<String, Long> added = new HashMap<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (!there.contains(item) && !tooCommon.contains(termOf(item))) {
                added.merge(termOf(item), 1L, Long::sum);
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        }
        // counted before the items are written: a failure in between counts a term twice when indexed again, which
        // only makes it look commoner; the other way round, a term whose items are there could stay counted 0
        CompletableFuture<?>[] counted = added.entrySet().stream().map(e -> CompletableFuture.runAsync(() ->
                dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                        .key(countKey(e.getKey()))
                        .updateExpression("ADD #n :n").expressionAttributeNames(Map.of("#n", COUNT))
                        .expressionAttributeValues(Map.of(":n", AttributeValue.builder().n(Long.toString(e.getValue())).build()))
                        .build()), COUNTING)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(counted).join();
        } catch (CompletionException e) {
            // as if called here: the outbox keeps the message when the store does not answer
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        for (int i = 0; i < writes.size(); i += BATCH_WRITE) {
            Map<String, List<WriteRequest>> left = Map.of(table, writes.subList(i, Math.min(writes.size(), i + BATCH_WRITE)));
            while (!left.isEmpty()) {
                left = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(left).build()).unprocessedItems();
            }
        }
        return writes.size();
    }

    /** How many tickets hold each term (0 for a term no ticket holds). */
    public Map<String, Long> counts(Set<String> terms) {
        List<Map<String, AttributeValue>> keys = terms.stream().map(WordIndex::countKey).toList();
        Map<String, Long> counts = new HashMap<>();
        terms.forEach(t -> counts.put(t, 0L));
        get(keys, PK + ", #n", Map.of("#n", COUNT)).forEach(i -> counts.put(termOf(i), countOf(i)));
        return counts;
    }

    private List<Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys, String projection,
                                                  Map<String, String> names) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += BATCH_GET) {
            KeysAndAttributes.Builder k = KeysAndAttributes.builder().keys(keys.subList(i, Math.min(keys.size(), i + BATCH_GET)))
                    .projectionExpression(projection);
            if (names != null) {
                k.expressionAttributeNames(names);
            }
            Map<String, KeysAndAttributes> request = Map.of(table, k.build());
            while (!request.isEmpty()) {
                var answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                found.addAll(answer.responses().getOrDefault(table, List.of()));
                request = answer.unprocessedKeys();
            }
        }
        return found;
    }
}
