package io.jiesu.aws.search;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.tickets.TicketJson;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the next page of an index query starts: DynamoDB's LastEvaluatedKey, opaque to the client (base64url of
 * its string attributes). A cursor is only a position: it is checked to name exactly the keys of the index
 * queried and the partition the caller may read, so a forged one moves the reader within what it may see and
 * nowhere else.
 */
public final class Cursor {
    /** A cursor is a handful of keys; anything longer is not one of ours. */
    public static final int MAX_LENGTH = 1024;

    private Cursor() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> keys = new TreeMap<>();
        lastEvaluatedKey.forEach((k, v) -> keys.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(TicketJson.write(keys).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The start key the cursor names on this index and partition, or null when there is no cursor.
     *
     * @throws BadCursorException when it is not a cursor this query handed out
     */
    public static Map<String, AttributeValue> decode(String cursor, CloudResources.Index index, String partition) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Map<String, String> keys;
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            keys = TicketJson.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            throw new BadCursorException();
        }
        Set<String> expected = Set.of(CloudResources.PK, CloudResources.SK, index.partitionKey(), index.sortKey());
        if (keys == null || !keys.keySet().equals(expected) || keys.values().stream().anyMatch(v -> v == null || v.isEmpty())
                || !partition.equals(keys.get(index.partitionKey()))) {
            throw new BadCursorException();
        }
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        keys.forEach((k, v) -> start.put(k, AttributeValue.builder().s(v).build()));
        return start;
    }

    /** The key of an item read from the index: where a page that ends on it continues. */
    static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, CloudResources.Index index) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String k : new String[]{CloudResources.PK, CloudResources.SK, index.partitionKey(), index.sortKey()}) {
            key.put(k, item.get(k));
        }
        return key;
    }

    /** The cursor is not one this query handed out (another list's, altered, or not a cursor at all). */
    public static final class BadCursorException extends RuntimeException {
        public BadCursorException() {
            super("not a cursor this list handed out: start again without one, or pass the `next` of the page before");
        }
    }
}
