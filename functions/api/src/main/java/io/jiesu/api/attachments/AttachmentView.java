package io.jiesu.api.attachments;

import io.jiesu.aws.attachments.Attachment;
import io.jiesu.core.attachment.AttachmentPurpose;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A file on a ticket as the API lists it; who attached it shows as in the history (a citizen as "citizen"). */
public record AttachmentView(String id, String fileName, String contentType, long size, AttachmentPurpose purpose,
                             String uploadedBy, String role, String unitId, OffsetDateTime at) {
    static AttachmentView of(Attachment a, ZoneId zone) {
        return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(), a.purpose(),
                "citizen".equals(a.role()) ? "citizen" : a.uploadedBy(), a.role(), a.unitId(),
                a.at().atZone(zone).toOffsetDateTime());
    }

    /** Where to send the bytes (or fetch them), how, and until when the URL works. */
    public record Transfer(AttachmentView attachment, String method, String url, String contentType,
                           OffsetDateTime expiresAt) {
    }
}
