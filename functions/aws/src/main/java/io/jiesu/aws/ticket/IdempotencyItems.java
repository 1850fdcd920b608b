package io.jiesu.aws.ticket;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;
import static io.jiesu.aws.ticket.TableItems.s;

/**
 * Idempotency keys in the table: each names the ticket its first request created and that request's fingerprint;
 * written in the same transaction as the ticket, and only if no other request wrote it first.
 */
final class IdempotencyItems {
    private final DynamoDbClient dynamo;
    private final String table;

    IdempotencyItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * The ticket an earlier request with this key created, if any.
     *
     * @throws IdempotencyKeyReusedException when that request had another fingerprint
     */
    Optional<String> earlierTicketId(String key, String fingerprint) {
        Map<String, AttributeValue> idem = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(PK, s(pk(key)), SK, s("IDEM"))).consistentRead(true).build()).item();
        if (idem == null || idem.isEmpty()) {
            return Optional.empty();
        }
        if (!idem.get("fingerprint").s().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(key);
        }
        return Optional.of(idem.get("ticketId").s());
    }

    TransactWriteItem put(String key, String ticketId, String fingerprint, Instant at) {
        return TableItems.put(table, Map.of(PK, s(pk(key)), SK, s("IDEM"), "ticketId", s(ticketId),
                "fingerprint", s(fingerprint), "createdAt", s(at.toString())), "attribute_not_exists(PK)", null);
    }

    private static String pk(String key) {
        return "IDEM#" + key;
    }
}
