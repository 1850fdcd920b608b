package io.jiesu.aws.knowledge;

import io.jiesu.aws.resources.CloudResources;
import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.ArticleStatus;
import io.jiesu.core.knowledge.ArticleVersion;
import io.jiesu.core.knowledge.Articles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.jiesu.aws.knowledge.ArticleItems.*;
import static io.jiesu.aws.resources.CloudResources.ANSWERING_ARTICLES;
import static io.jiesu.aws.resources.CloudResources.ARTICLES_BY_STATUS;
import static io.jiesu.aws.resources.CloudResources.ARTICLES_BY_UNIT;
import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;

/** The articles in the tickets table (see {@link ArticleItems} for their items), behind {@link Articles}. */
public class ArticleStore implements Articles {
    private final DynamoDbClient dynamo;
    private final String table;

    public ArticleStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(Article drafted) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(head(drafted))
                .conditionExpression("attribute_not_exists(PK)").build()).build());
        drafted.versions().forEach(v -> writes.add(putVersion(drafted.id(), v)));
        write(drafted.id(), writes);
    }

    /** The head updated (its marks left alone) and every version that is new or whose status moved. */
    @Override
    public void save(Article before, Article after) {
        Map<String, AttributeValue> head = head(after);
        head.remove(PK);
        head.remove(SK);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (var e : head.entrySet()) {
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            sets.add("#a" + i + " = :a" + i);
            i++;
        }
        String update = "SET " + String.join(", ", sets);
        if (!head.containsKey(ANSWERING_ARTICLES.partitionKey())) {
            names.put("#ap", ANSWERING_ARTICLES.partitionKey());
            names.put("#as", ANSWERING_ARTICLES.sortKey());
            update += " REMOVE #ap, #as";
        }
        names.put("#r", "revision");
        values.put(":was", n(before.revision()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of(PK, s(pk(after.id())), SK, s(HEAD))).updateExpression(update)
                .conditionExpression("#r = :was").expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build());
        for (ArticleVersion v : after.versions()) {
            if (!before.versions().contains(v)) {
                writes.add(putVersion(after.id(), v));
            }
        }
        write(after.id(), writes);
    }

    @Override
    public Optional<Article> find(String id) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk(id)))).consistentRead(true)
                    .exclusiveStartKey(start).build());
            items.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        Map<String, AttributeValue> head = items.stream().filter(i -> HEAD.equals(i.get(SK).s())).findFirst().orElse(null);
        if (head == null) {
            return Optional.empty();
        }
        return Optional.of(fromItems(head, items.stream().filter(i -> i.get(SK).s().startsWith("V#")).toList()));
    }

    @Override
    public Optional<Article> mark(String id, boolean helpful, Instant at) {
        try {
            var r = dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(Map.of(PK, s(pk(id)), SK, s(HEAD)))
                    // the answering index's sort key moves, so the answer search catches up on the marks too
                    .updateExpression("ADD #m :one SET #as = :changed")
                    .conditionExpression("#ap = :answering")
                    .expressionAttributeNames(Map.of("#m", helpful ? "helpful" : "unhelpful",
                            "#ap", ANSWERING_ARTICLES.partitionKey(), "#as", ANSWERING_ARTICLES.sortKey()))
                    .expressionAttributeValues(Map.of(":one", n(1), ":answering", s(ANSWERING),
                            ":changed", s(changed(at, id))))
                    .returnValues(ReturnValue.ALL_NEW).build());
            return Optional.of(fromHead(r.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Page byUnit(String unit, ArticleStatus status, String cursor, int limit) {
        String partition = unitPartition(unit);
        String condition = "#pk = :pk" + (status == null ? "" : " AND begins_with(#sk, :status)");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partition)));
        if (status != null) {
            values.put(":status", s(status.code() + "#"));
        }
        return page(ARTICLES_BY_UNIT, partition, condition, values, cursor, limit);
    }

    @Override
    public Page byStatus(ArticleStatus status, String cursor, int limit) {
        String partition = statusPartition(status);
        return page(ARTICLES_BY_STATUS, partition, "#pk = :pk", Map.of(":pk", s(partition)), cursor, limit);
    }

    @Override
    public List<Article> answering() {
        return all(ANSWERING, null);
    }

    @Override
    public List<Article> changedSince(Instant since) {
        List<Article> changed = new ArrayList<>(all(ANSWERING, since));
        changed.addAll(all(RETIRED, since));
        return changed;
    }

    private List<Article> all(String partition, Instant since) {
        String condition = "#pk = :pk" + (since == null ? "" : " AND #sk > :since");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partition)));
        if (since != null) {
            values.put(":since", s(String.format("%013d", since.toEpochMilli())));
        }
        List<Article> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(query(ANSWERING_ARTICLES, condition, values).exclusiveStartKey(start).build());
            r.items().forEach(i -> found.add(fromHead(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    private Page page(CloudResources.Index index, String partition, String condition,
                      Map<String, AttributeValue> values, String cursor, int limit) {
        QueryResponse r = dynamo.query(query(index, condition, values).scanIndexForward(false).limit(limit)
                .exclusiveStartKey(ArticleCursor.decode(cursor, index, partition)).build());
        return new Page(r.items().stream().map(ArticleItems::fromHead).collect(Collectors.toList()),
                ArticleCursor.encode(r.lastEvaluatedKey(), index));
    }

    private QueryRequest.Builder query(CloudResources.Index index, String condition, Map<String, AttributeValue> values) {
        return QueryRequest.builder().tableName(table).indexName(index.name()).keyConditionExpression(condition)
                .expressionAttributeNames(condition.contains("#sk")
                        ? Map.of("#pk", index.partitionKey(), "#sk", index.sortKey()) : Map.of("#pk", index.partitionKey()))
                .expressionAttributeValues(values);
    }

    private TransactWriteItem putVersion(String id, ArticleVersion v) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(version(id, v)).build()).build();
    }

    private void write(String id, List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                throw new ConcurrentArticleChange(id);
            }
            throw e;
        }
    }
}
