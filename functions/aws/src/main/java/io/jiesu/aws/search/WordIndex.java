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
import java.util.TreeMap;

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
 * was not there yet (a crash between the two undercounts, which only makes a term look rarer than it is).
 */
public class WordIndex {
    static final String PARTITION_PREFIX = "WORD#";
    static final String COUNT_SK = "COUNT";
    static final String COUNT = "tickets";
    private static final int BATCH_GET = 100;
    private static final int BATCH_WRITE = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    public WordIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(String term) {
        return PARTITION_PREFIX + term;
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
        for (Ticket t : tickets) {
            for (String term : WordTerms.of(t.content())) {
                items.add(Map.of(PK, s(partition(term)), SK, s(position(t))));
            }
        }
        Set<Map<String, AttributeValue>> there = existing(items);
        Map<String, Long> added = new TreeMap<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (!there.contains(item)) {
                added.merge(item.get(PK).s(), 1L, Long::sum);
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        }
        for (int i = 0; i < writes.size(); i += BATCH_WRITE) {
            Map<String, List<WriteRequest>> left = Map.of(table, writes.subList(i, Math.min(writes.size(), i + BATCH_WRITE)));
            while (!left.isEmpty()) {
                left = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(left).build()).unprocessedItems();
            }
        }
        added.forEach((partition, n) -> dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(Map.of(PK, s(partition), SK, s(COUNT_SK)))
                .updateExpression("ADD #n :n").expressionAttributeNames(Map.of("#n", COUNT))
                .expressionAttributeValues(Map.of(":n", AttributeValue.builder().n(Long.toString(n)).build())).build()));
        return writes.size();
    }

    /** How many tickets hold each term (0 for a term no ticket holds). */
    public Map<String, Long> counts(Set<String> terms) {
        List<Map<String, AttributeValue>> keys = terms.stream()
                .map(t -> Map.of(PK, s(partition(t)), SK, s(COUNT_SK))).toList();
        Map<String, Long> counts = new HashMap<>();
        terms.forEach(t -> counts.put(t, 0L));
        get(keys, PK + ", #n", Map.of("#n", COUNT)).forEach(i -> counts.put(i.get(PK).s().substring(PARTITION_PREFIX.length()),
                i.containsKey(COUNT) ? Long.parseLong(i.get(COUNT).n()) : 0L));
        return counts;
    }

    private Set<Map<String, AttributeValue>> existing(List<Map<String, AttributeValue>> keys) {
        Set<Map<String, AttributeValue>> found = new HashSet<>();
        get(new ArrayList<>(new HashSet<>(keys)), PK + ", " + SK, null)
                .forEach(i -> found.add(Map.of(PK, i.get(PK), SK, i.get(SK))));
        return found;
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
