package io.jiesu.aws.knowledge;

import io.jiesu.aws.resources.CloudResources;
import io.jiesu.core.knowledge.Articles;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static io.jiesu.aws.knowledge.ArticleItems.s;

/**
 * Where the next page of an article list starts, as {@link io.jiesu.aws.search.Cursor} does it for tickets: only the
 * index sort key travels (base64url), the partition is the query's own, so a cursor moves the reader only within
 * the list it asked for.
 */
final class ArticleCursor {
    private static final Pattern SORT_KEY = Pattern.compile("^(?:[a-z_]{1,20}#)?[0-9]{13}#(KB-[0-9A-Za-z-]{1,48})$");

    private ArticleCursor() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey, CloudResources.Index index) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(lastEvaluatedKey.get(index.sortKey()).s().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, CloudResources.Index index, String partition) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String sortKey;
        try {
            sortKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Articles.BadCursor();
        }
        var m = SORT_KEY.matcher(sortKey);
        if (!m.matches()) {
            throw new Articles.BadCursor();
        }
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        start.put(CloudResources.PK, s(ArticleItems.pk(m.group(1))));
        start.put(CloudResources.SK, s(ArticleItems.HEAD));
        start.put(index.partitionKey(), s(partition));
        start.put(index.sortKey(), s(sortKey));
        return start;
    }
}
