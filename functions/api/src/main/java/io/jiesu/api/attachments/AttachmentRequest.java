package io.jiesu.api.attachments;

import io.jiesu.api.validation.HasText;
import io.jiesu.api.validation.PlainText;
import io.jiesu.core.attachment.AttachmentPurpose;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A file to attach: its name as the person saw it, its type and exact size in bytes (the upload URL is bound to
 * both), and the step it belongs to. Which types and how large: {@link io.jiesu.core.attachment.AttachmentRules}.
 */
public record AttachmentRequest(
        @NotNull @HasText @Size(max = 200) @PlainText String fileName,
        @NotBlank @Size(max = 100) String contentType,
        @NotNull @Positive Long size,
        @NotNull AttachmentPurpose purpose) {
}
