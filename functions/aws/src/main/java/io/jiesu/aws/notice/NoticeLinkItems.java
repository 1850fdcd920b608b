package io.jiesu.aws.notice;

import io.jiesu.core.ticket.Transition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.Map;
import java.util.Optional;

import static io.jiesu.aws.notice.NoticeStore.n;
import static io.jiesu.aws.notice.NoticeStore.noticePk;
import static io.jiesu.aws.notice.NoticeStore.s;

/**
 * The count of tickets linked to a notice at intake, added to in the intake's own transaction (so a retried intake,
 * which writes nothing, counts nothing twice). Split over a few items: a water cut brings hundreds of calls within
 * the hour, and one item would make their intakes collide.
 */
public final class NoticeLinkItems {
    static final int SHARDS = 8;
    private static final String LINKED = "LINKED#";

    private NoticeLinkItems() {
    }

    /** The addition a ticket taken in about a notice makes; nothing for any other transition. */
    public static Optional<TransactWriteItem> update(String table, Transition t) {
        boolean intake = t.before() == null || t.before().state() == null;
        String notice = t.after().notice();
        if (!intake || notice == null) {
            return Optional.empty();
        }
        int shard = Math.floorMod(t.after().id().hashCode(), SHARDS);
        return Optional.of(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("PK", s(noticePk(notice)), "SK", s(LINKED + shard)))
                .updateExpression("ADD linked :one").expressionAttributeValues(Map.of(":one", n(1))).build()).build());
    }

    static long count(DynamoDbClient dynamo, String table, String id) {
        QueryRequest q = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :linked)")
                .expressionAttributeValues(Map.of(":pk", s(noticePk(id)), ":linked", s(LINKED))).build();
        long sum = 0;
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(q).items()) {
            AttributeValue v = item.get("linked");
            sum += v == null ? 0 : Long.parseLong(v.n());
        }
        return sum;
    }
}
