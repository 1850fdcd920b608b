package io.jiesu.aws.digest;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Which digest emails went out, so a digest delivered twice (SQS is at least once) mails nobody twice. A send
 * is claimed for a lease before it is made and marked sent after: a second delivery finds it sent and skips
 * it, or finds the lease still running and waits its turn; a claim whose sender died runs out and is taken
 * over, so no email is lost either.
 */
public class DigestLog {
    static final Duration LEASE = Duration.ofMinutes(2);

    public enum Claim { SEND, ALREADY_SENT, IN_PROGRESS }

    private final DynamoDbClient dynamo;
    private final String table;

    public DigestLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Claim claim(String run, String recipient, Instant now) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("PK", s("DIGEST#" + run), "SK", s("TO#" + recipient), "status", s("sending"),
                            "leaseUntil", n(now.plus(LEASE).toEpochMilli())))
                    .conditionExpression("attribute_not_exists(PK) OR (#s = :sending AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":sending", s("sending"), ":now", n(now.toEpochMilli()))));
            return Claim.SEND;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("PK", s("DIGEST#" + run), "SK", s("TO#" + recipient)))).item();
            return item != null && "sent".equals(item.get("status").s()) ? Claim.ALREADY_SENT : Claim.IN_PROGRESS;
        }
    }

    public void sent(String run, String recipient, Instant at) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("PK", s("DIGEST#" + run), "SK", s("TO#" + recipient),
                "status", s("sent"), "sentAt", s(at.toString()))));
    }

    /** Gives a claim up after a failed send, so the retry sends at once instead of waiting out the lease. */
    public void release(String run, String recipient) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of("PK", s("DIGEST#" + run), "SK", s("TO#" + recipient)))
                    .conditionExpression("#s = :sending").expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":sending", s("sending"))));
        } catch (RuntimeException e) {
            // the lease runs out on its own; the send's own failure is what the caller reports
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
