package io.jiesu.aws.attachments;

import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.attachment.AttachmentPurpose;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.jiesu.aws.resources.CloudResources.PK;
import static io.jiesu.aws.resources.CloudResources.SK;

/**
 * Attachments: recorded in the table beside their ticket (an item per file, under the ticket's key), the bytes in the
 * private bucket, moved only through short-lived pre-signed URLs. An upload URL is bound to the content type and
 * length that were checked, so S3 refuses a PUT of anything else; a download URL is made only after the caller was
 * allowed to read the ticket. The URLs are bearer secrets: nothing here logs them.
 */
public class Attachments {
    private static final String SK_PREFIX = "A#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration urlLife;

    public Attachments(DynamoDbClient dynamo, String table, S3Presigner presigner, String bucket, Duration urlLife) {
        this.dynamo = dynamo;
        this.table = table;
        this.presigner = presigner;
        this.bucket = bucket;
        this.urlLife = urlLife;
    }

    /** A pre-signed URL and when it stops working. */
    public record Offer(Attachment attachment, URI url, Instant expiresAt) {
    }

    /**
     * Records the file on the ticket, with a step in its history, and returns the URL to PUT its bytes to (with the
     * same Content-Type). The history step sorts after the ticket's version it was attached at
     * ({@code H#<version>#A#<id>}) and is no transition: the ticket item and its version are left alone.
     */
    public Offer offerUpload(Ticket ticket, String fileName, String contentType, long size, AttachmentPurpose purpose,
                             Actor by, Instant now) {
        Attachment a = new Attachment(UUID.randomUUID().toString(), ticket.id(), fileName, contentType, size, purpose,
                by.id(), by.role().code(), by.unitId(), now);
        TicketEvent attached = new TicketEvent(ticket.id(), ticket.version(), EventType.FILE_ATTACHED, now, by,
                historyDetail(a));
        dynamo.transactWriteItems(b -> b.transactItems(
                put(Map.of(PK, s("T#" + ticket.id()), SK, s(SK_PREFIX + a.id()), "doc", s(TicketJson.write(a)))),
                put(Map.of(PK, s("T#" + ticket.id()), SK, s(String.format("H#%010d#%s%s", ticket.version(), SK_PREFIX, a.id())),
                        "doc", s(TicketJson.write(attached))))));
        URI url = uri(presigner.presignPutObject(p -> p.signatureDuration(urlLife).putObjectRequest(o -> o
                .bucket(bucket).key(a.key()).contentType(contentType).contentLength(size))).url());
        return new Offer(a, url, now.plus(urlLife));
    }

    /** What the history says of a file: which, its name, type, size and step; never its bytes nor a URL to them. */
    static Map<String, String> historyDetail(Attachment a) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("attachment", a.id());
        detail.put("fileName", a.fileName());
        detail.put("contentType", a.contentType());
        detail.put("size", Long.toString(a.size()));
        detail.put("purpose", a.purpose().code());
        return detail;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")).build();
    }

    /** The URL to GET the file's bytes from. */
    public Offer offerDownload(Attachment a, Instant now) {
        URI url = uri(presigner.presignGetObject(p -> p.signatureDuration(urlLife).getObjectRequest(o -> o
                .bucket(bucket).key(a.key()).responseContentType(a.contentType()))).url());
        return new Offer(a, url, now.plus(urlLife));
    }

    /** The ticket's files, in the order they were offered. */
    public List<Attachment> of(String ticketId) {
        List<Attachment> found = new ArrayList<>();
        QueryRequest q = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :a)")
                .expressionAttributeValues(Map.of(":pk", s("T#" + ticketId), ":a", s(SK_PREFIX)))
                .consistentRead(true).build();
        dynamo.queryPaginator(q).items().forEach(i -> found.add(TicketJson.read(i.get("doc").s(), Attachment.class)));
        found.sort(java.util.Comparator.comparing(Attachment::at));
        return found;
    }

    public Optional<Attachment> find(String ticketId, String attachmentId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, s("T#" + ticketId), SK, s(SK_PREFIX + attachmentId)))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(TicketJson.read(item.get("doc").s(), Attachment.class));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    private static URI uri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK made a URL that is no URI", e);
        }
    }
}
