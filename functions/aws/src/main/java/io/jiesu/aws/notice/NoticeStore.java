package io.jiesu.aws.notice;

import io.jiesu.aws.search.Cursor;
import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.notice.Notice;
import io.jiesu.core.notice.NoticeQuery;
import io.jiesu.core.notice.NoticeStatus;
import io.jiesu.core.notice.Notices;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.jiesu.aws.resources.CloudResources.NOTICES;
import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;

/**
 * Notices in the tickets table: one item per notice ({@code N#<id>}, {@code NOTICE}), in the Notices index under
 * one partition by end time, so the notices not yet ended are one key range; and beside it the counts of tickets
 * linked at intake ({@link NoticeLinkItems}). Every change is conditional on the version it was computed from.
 */
public class NoticeStore implements Notices {
    static final String NOTICE_SK = "NOTICE";
    private static final String PARTITION = "NOTICES";
    /** An index sort key as this store writes it: the end time, then the notice id. */
    private static final Pattern SORT_KEY = Pattern.compile("^[0-9]{13}#(N[0-9A-Za-z-]{1,48})$");

    private final DynamoDbClient dynamo;
    private final String table;

    public NoticeStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String noticePk(String id) {
        return "N#" + id;
    }

    @Override
    public void create(Notice notice) {
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(notice))
                .conditionExpression("attribute_not_exists(PK)").build());
    }

    @Override
    public void save(Notice next) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(item(next))
                    .conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(next.version() - 1))).build());
        } catch (ConditionalCheckFailedException e) {
            throw new NoticeChangedException(next.id());
        }
    }

    @Override
    public Optional<Notice> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(PK, s(noticePk(id)), SK, s(NOTICE_SK))).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    /** One key range of the index: every notice ending after now; only the published are kept. */
    @Override
    public List<Notice> notEndedAt(Instant now) {
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(NOTICES.name())
                .keyConditionExpression("GSI10PK = :pk AND GSI10SK > :now")
                .filterExpression("#status = :published")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":now", s(endingAfter(now)),
                        ":published", s(NoticeStatus.PUBLISHED.code())))
                .build();
        List<Notice> notices = new ArrayList<>();
        dynamo.queryPaginator(q).items().forEach(i -> notices.add(read(i)));
        return notices;
    }

    /**
     * The index, latest end first, filtered as asked. In force within [from, to) is a notice ending after from (the
     * key range) and starting before to (a filter); ended is published and ending by now (the key range again).
     */
    @Override
    public Page list(NoticeQuery query, Instant now, String cursor, int limit) {
        List<String> filters = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(PARTITION));
        String key = "GSI10PK = :pk";
        String lower = query.from() == null ? null : endingAfter(query.from());
        String upper = null;
        if (query.status() != null) {
            names.put("#status", "status");
            NoticeStatus stored = query.status() == NoticeStatus.ENDED ? NoticeStatus.PUBLISHED : query.status();
            values.put(":status", s(stored.code()));
            filters.add("#status = :status");
            if (query.status() == NoticeStatus.ENDED) {
                upper = endingAfter(now);
            } else if (query.status() == NoticeStatus.PUBLISHED) {
                lower = max(lower, endingAfter(now));
            }
        }
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            return new Page(List.of(), null); // ended by now, yet ending after a later day: none
        }
        if (lower != null && upper != null) {
            key += " AND GSI10SK BETWEEN :lower AND :upper";
            values.put(":lower", s(lower));
            values.put(":upper", s(upper));
        } else if (lower != null) {
            key += " AND GSI10SK > :lower";
            values.put(":lower", s(lower));
        } else if (upper != null) {
            key += " AND GSI10SK <= :upper";
            values.put(":upper", s(upper));
        }
        if (query.to() != null) {
            names.put("#from", "from");
            values.put(":to", s(sortable(query.to())));
            filters.add("#from < :to");
        }
        if (query.kind() != null) {
            names.put("#kind", "kind");
            values.put(":kind", s(query.kind().code()));
            filters.add("#kind = :kind");
        }
        if (!query.drafts().all()) {
            names.put("#status", "status");
            values.put(":draft", s(NoticeStatus.DRAFT.code()));
            if (query.drafts().unit() == null) {
                filters.add("#status <> :draft");
            } else {
                names.put("#unit", "unit");
                values.put(":unit", s(query.drafts().unit()));
                filters.add("(#status <> :draft OR #unit = :unit)");
            }
        }
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(NOTICES.name())
                .keyConditionExpression(key).expressionAttributeValues(values).scanIndexForward(false).limit(limit)
                .exclusiveStartKey(decode(cursor));
        if (!filters.isEmpty()) {
            q.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
        }
        QueryResponse r = dynamo.query(q.build());
        return new Page(r.items().stream().map(NoticeStore::read).toList(), Cursor.encode(r.lastEvaluatedKey(), NOTICES));
    }

    @Override
    public long linkedTickets(String id) {
        return NoticeLinkItems.count(dynamo, table, id);
    }

    private static Map<String, AttributeValue> item(Notice n) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(noticePk(n.id())));
        item.put(SK, s(NOTICE_SK));
        item.put("version", n(n.version()));
        item.put("status", s(n.status().code()));
        item.put("kind", s(n.kind().code()));
        item.put("unit", s(n.unit()));
        item.put("from", s(sortable(n.from())));
        item.put("doc", s(TicketJson.write(n)));
        item.put(NOTICES.partitionKey(), s(PARTITION));
        item.put(NOTICES.sortKey(), s(sortable(n.to()) + "#" + n.id()));
        return item;
    }

    private static Notice read(Map<String, AttributeValue> item) {
        return TicketJson.read(item.get("doc").s(), Notice.class);
    }

    /** Sorts after every key of a notice ending at or before the instant: "#~" is past any id. */
    private static String endingAfter(Instant t) {
        return sortable(t) + "#~";
    }

    private static String max(String a, String b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    /** Fixed-width epoch millis, so keys sort by time. */
    static String sortable(Instant t) {
        return String.format("%013d", t.toEpochMilli());
    }

    /** As the ticket lists' cursors: only the index sort key travels; the table key follows from the id it ends with. */
    private static Map<String, AttributeValue> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String sortKey = Cursor.sortKey(cursor);
        var m = SORT_KEY.matcher(sortKey);
        if (!m.matches()) {
            throw new Cursor.BadCursorException();
        }
        return Map.of(PK, s(noticePk(m.group(1))), SK, s(NOTICE_SK), NOTICES.partitionKey(), s(PARTITION),
                NOTICES.sortKey(), s(sortKey));
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }
}
