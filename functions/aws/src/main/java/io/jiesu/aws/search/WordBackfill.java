package io.jiesu.aws.search;

import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.ticket.Ticket;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SEARCH_BY_INTAKE;
import static io.jiesu.aws.resources.CloudResources.SK;
import static io.jiesu.aws.search.SearchKeys.s;

/**
 * Brings tickets stored before the word index (and those stored before the search keys) into the searches: a
 * one-off maintenance walk over the table's ticket items, a page at a time, resumable from the cursor each step
 * returns. A ticket without search keys gets them (conditional on its version: one that moved meanwhile got them
 * with its step); every ticket's words are indexed ({@link WordIndex}, idempotent, so a step run twice or a ticket
 * indexed at intake as well changes nothing). This is the one walk that reads the whole table, once, when deployed;
 * searches never do.
 */
public class WordBackfill {
    private final DynamoDbClient dynamo;
    private final String table;
    private final WordIndex index;

    public WordBackfill(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.index = new WordIndex(dynamo, table);
    }

    /** What one step did, and where the next starts (null: the walk is done). */
    public record Step(int tickets, int searchKeysAdded, int wordItemsWritten, String next) {
    }

    /** Runs steps from the cursor (null: the start) to the end; returns the totals. */
    public Step all(String cursor, int pageSize) {
        return steps(cursor, pageSize, Integer.MAX_VALUE);
    }

    /** At most so many steps from the cursor: the totals, and where the next call goes on (null: the walk is done). */
    public Step steps(String cursor, int pageSize, int steps) {
        int tickets = 0, keys = 0, words = 0;
        int taken = 0;
        do {
            Step s = step(cursor, pageSize);
            tickets += s.tickets();
            keys += s.searchKeysAdded();
            words += s.wordItemsWritten();
            cursor = s.next();
        } while (cursor != null && ++taken < steps);
        return new Step(tickets, keys, words, cursor);
    }

    /** One page of the table: at most pageSize items read (of them, the tickets are backfilled). */
    public Step step(String cursor, int pageSize) {
        ScanRequest.Builder scan = ScanRequest.builder().tableName(table).limit(pageSize)
                .filterExpression("SK = :ticket AND begins_with(PK, :t)")
                .projectionExpression("PK, SK, version, doc, " + SEARCH_BY_INTAKE.partitionKey())
                .expressionAttributeValues(Map.of(":ticket", s("TICKET"), ":t", s("T#")));
        if (cursor != null) {
            scan.exclusiveStartKey(decode(cursor));
        }
        ScanResponse r = dynamo.scan(scan.build());
        List<Ticket> tickets = new ArrayList<>();
        int keysAdded = 0;
        for (Map<String, AttributeValue> item : r.items()) {
            if (!item.containsKey("doc")) {
                continue;
            }
            Ticket t = TicketJson.read(item.get("doc").s(), Ticket.class);
            tickets.add(t);
            if (!item.containsKey(SEARCH_BY_INTAKE.partitionKey()) && addSearchKeys(item, t)) {
                keysAdded++;
            }
        }
        int written = tickets.isEmpty() ? 0 : index.index(tickets);
        Map<String, AttributeValue> last = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        return new Step(tickets.size(), keysAdded, written, last == null ? null : encode(last));
    }

    private boolean addSearchKeys(Map<String, AttributeValue> item, Ticket t) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (var e : SearchKeys.of(t).entrySet()) {
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            sets.add("#a" + i + " = :a" + i);
            i++;
        }
        names.put("#v", "version");
        values.put(":v", item.get("version"));
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(Map.of(PK, item.get(PK), SK, item.get(SK)))
                    .updateExpression("SET " + String.join(", ", sets)).conditionExpression("#v = :v")
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // the ticket moved on meanwhile: its step wrote the keys
        }
    }

    /** The table key the walk stopped at (any item's: the scan's filter keeps the tickets after reading). */
    private static String encode(Map<String, AttributeValue> key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key.get(PK).s() + "\n" + key.get(SK).s()).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor) {
        String[] key = Cursor.sortKey(cursor).split("\n", -1);
        if (key.length != 2 || key[0].isEmpty() || key[1].isEmpty()) {
            throw new Cursor.BadCursorException();
        }
        return Map.of(PK, s(key[0]), SK, s(key[1]));
    }
}
