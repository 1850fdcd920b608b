package io.jiesu.api.notice;

import io.jiesu.api.validation.HasText;
import io.jiesu.api.validation.PlainText;
import io.jiesu.core.notice.NoticeKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** The request bodies of the notices, with their limits; the rules (from before to, a street of the catalogue) are the core's. */
public final class NoticeRequests {
    private NoticeRequests() {
    }

    @Schema(description = "One area the notice covers: a street (the id of a street office in the catalogue), a community by name, or a place in free text. The narrowest part given decides; give at least one.")
    public record AreaRequest(
            @Schema(description = "the id of a street office (街道) in the catalogue, e.g. street-office-east")
            @Size(max = 64) @PlainText String street,
            @Schema(description = "a community (社区) by name, e.g. 和平里社区")
            @Size(max = 100) @PlainText String community,
            @Schema(description = "a place in free text: a road, a compound, buildings, e.g. 和平里北街3-7号楼")
            @Size(max = 200) @PlainText String place) {
    }

    public record NoticeRequest(
            @NotNull NoticeKind kind,
            @NotNull @HasText @Size(max = 100) @PlainText String title,
            @NotNull @HasText @Size(max = 4000) @PlainText(multiline = true) String text,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid AreaRequest> areas,
            @Schema(description = "extra words callers will use about it (an `other` notice links tickets by these only), e.g. 电梯")
            @Size(max = 20) List<@NotNull @HasText @Size(max = 20) @PlainText String> keywords,
            @Schema(description = "when the cut or closure starts, with its offset")
            @NotNull OffsetDateTime from,
            @Schema(description = "when it ends (an estimate may be moved later), with its offset")
            @NotNull OffsetDateTime to,
            @Schema(description = "the unit that publishes it (the one responsible for the cut): required from the hotline centre; unit staff may leave it out (their own unit)")
            @Size(max = 64) @PlainText String unit) {
    }

    public record WithdrawRequest(
            @Schema(description = "why it is withdrawn (called off, published in error)")
            @Size(max = 1000) @PlainText(multiline = true) String reason) {
    }
}
