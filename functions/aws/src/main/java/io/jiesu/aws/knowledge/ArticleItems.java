package io.jiesu.aws.knowledge;

import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.ArticleStatus;
import io.jiesu.core.knowledge.ArticleVersion;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jiesu.aws.resources.CloudResources.ANSWERING_ARTICLES;
import static io.jiesu.aws.resources.CloudResources.ARTICLES_BY_STATUS;
import static io.jiesu.aws.resources.CloudResources.ARTICLES_BY_UNIT;
import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;

/**
 * An article in the single table: a head item (SK {@code A}) with its newest and its published version (what the
 * lists and the answer search read, through three indexes) and the marks, and one item per version (SK
 * {@code V#0001}), each written once and rewritten only when its status moves. So an article's size in the table
 * grows by item, not within one item's 400 KB.
 */
final class ArticleItems {
    static final String HEAD = "A";
    static final String ANSWERING = "KB#ANSWERING";
    static final String RETIRED = "KB#RETIRED";

    private ArticleItems() {
    }

    static String pk(String id) {
        return "KB#" + id;
    }

    static String versionSk(int number) {
        return String.format("V#%04d", number);
    }

    static String unitPartition(String unit) {
        return "KB#UNIT#" + unit;
    }

    static String statusPartition(ArticleStatus status) {
        return "KB#STATUS#" + status.code();
    }

    /** Fixed-width epoch millis then the id: sorts by time, ends with the id (the cursor finds the item by it). */
    static String changed(Instant at, String id) {
        return String.format("%013d", at.toEpochMilli()) + "#" + id;
    }

    /** The head's attributes but the marks (which only {@link ArticleStore#mark} adds to). */
    static Map<String, AttributeValue> head(Article a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk(a.id())));
        item.put(SK, s(HEAD));
        item.put("revision", n(a.revision()));
        item.put("doc", s(TicketJson.write(headOf(a))));
        item.put(ARTICLES_BY_UNIT.partitionKey(), s(unitPartition(a.unit())));
        item.put(ARTICLES_BY_UNIT.sortKey(), s(a.status().code() + "#" + changed(a.changedAt(), a.id())));
        item.put(ARTICLES_BY_STATUS.partitionKey(), s(statusPartition(a.status())));
        item.put(ARTICLES_BY_STATUS.sortKey(), s(changed(a.changedAt(), a.id())));
        String answering = answeringPartition(a);
        if (answering != null) {
            item.put(ANSWERING_ARTICLES.partitionKey(), s(answering));
            item.put(ANSWERING_ARTICLES.sortKey(), s(changed(a.changedAt(), a.id())));
        }
        return item;
    }

    /** Answering while a version is published; retired once one was and none is; absent before the first. */
    private static String answeringPartition(Article a) {
        if (a.published().isPresent()) {
            return ANSWERING;
        }
        boolean everPublished = a.versions().stream().anyMatch(v -> v.status() == ArticleStatus.SUPERSEDED
                || v.status() == ArticleStatus.EXPIRED);
        return everPublished ? RETIRED : null;
    }

    static Map<String, AttributeValue> version(String id, ArticleVersion v) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(pk(id)));
        item.put(SK, s(versionSk(v.number())));
        item.put("doc", s(TicketJson.write(v)));
        return item;
    }

    /** The article of a head item (its newest and published versions), with the marks counted so far. */
    static Article fromHead(Map<String, AttributeValue> item) {
        return withMarks(TicketJson.read(item.get("doc").s(), Article.class), item);
    }

    /** The article of its head and its version items (every version). */
    static Article fromItems(Map<String, AttributeValue> head, List<Map<String, AttributeValue>> versionItems) {
        Article a = fromHead(head);
        List<ArticleVersion> versions = versionItems.stream()
                .map(i -> TicketJson.read(i.get("doc").s(), ArticleVersion.class)).toList();
        return new Article(a.id(), a.unit(), a.revision(), versions, a.reviewedAt(), a.changedAt(), a.helpful(),
                a.unhelpful());
    }

    private static Article withMarks(Article a, Map<String, AttributeValue> item) {
        return new Article(a.id(), a.unit(), a.revision(), a.versions(), a.reviewedAt(), a.changedAt(),
                count(item, "helpful"), count(item, "unhelpful"));
    }

    /** The head keeps the versions lists and the search read: the newest, and the published one. */
    private static Article headOf(Article a) {
        List<ArticleVersion> kept = new ArrayList<>();
        a.published().filter(p -> p.number() != a.latest().number()).ifPresent(kept::add);
        kept.add(a.latest());
        return new Article(a.id(), a.unit(), a.revision(), kept, a.reviewedAt(), a.changedAt(), 0, 0);
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }
}
