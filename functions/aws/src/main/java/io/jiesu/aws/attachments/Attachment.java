package io.jiesu.aws.attachments;

import io.jiesu.core.attachment.AttachmentPurpose;

import java.time.Instant;

/**
 * A file on a ticket, as recorded when its upload was offered: the bytes go straight to the bucket under
 * {@link #key()}, which names the ticket and the attachment only (no file name: a name may be personal data, and
 * object keys show in access logs).
 */
public record Attachment(String id, String ticketId, String fileName, String contentType, long size,
                         AttachmentPurpose purpose, String uploadedBy, String role, String unitId, Instant at) {
    public String key() {
        return "tickets/" + ticketId + "/" + id;
    }
}
