package io.jiesu.aws.search;

import io.jiesu.aws.resources.CloudResources;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the next page of an index query starts: DynamoDB's LastEvaluatedKey, opaque to the client. Of that key
 * only the index sort key travels (base64url): the partition is the query's own, and the item's table key follows
 * from the ticket id the sort key ends with. So a cursor is only a position inside the list the caller asked
 * for: one altered, or taken from another list, moves the reader within what it may see and nowhere else.
 */
public final class Cursor {
    /** An index sort key as the lists write them: a state and times, then the ticket id. */
    private static final Pattern SORT_KEY = Pattern.compile("^[a-z_0-9#]{1,80}#(T[0-9A-Za-z-]{1,48})$");

    private Cursor() {
    }

    /** The cursor of the page that starts after this item (or LastEvaluatedKey) of the index. */
    public static String encode(Map<String, AttributeValue> lastEvaluatedKey, CloudResources.Index index) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(lastEvaluatedKey.get(index.sortKey()).s().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The start key the cursor names in this index partition, whose items have this table sort key; null when
     * there is no cursor.
     *
     * @throws BadCursorException when it is not a cursor the lists hand out
     */
    static Map<String, AttributeValue> decode(String cursor, CloudResources.Index index, String partition, String tableSk) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String sortKey = sortKey(cursor);
        var m = SORT_KEY.matcher(sortKey);
        if (!m.matches()) {
            throw new BadCursorException();
        }
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        start.put(CloudResources.PK, s("T#" + m.group(1)));
        start.put(CloudResources.SK, s(tableSk));
        start.put(index.partitionKey(), s(partition));
        start.put(index.sortKey(), s(sortKey));
        return start;
    }

    /**
     * The index sort key a cursor carries, for a list of other items (notices) to check against its own keys' form.
     *
     * @throws BadCursorException when it is not even base64url
     */
    public static String sortKey(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadCursorException();
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    /** The cursor is not one the lists hand out (altered, or not a cursor at all). */
    public static final class BadCursorException extends RuntimeException {
        public BadCursorException() {
            super("is not a cursor this list handed out: start again without one, or pass the `next` of the page before");
        }
    }
}
