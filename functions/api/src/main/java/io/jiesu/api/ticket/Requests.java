package io.jiesu.api.ticket;

import io.jiesu.api.validation.ChinesePhone;
import io.jiesu.api.validation.ChinesePhones;
import io.jiesu.api.validation.HasText;
import io.jiesu.api.validation.PlainText;
import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.ContactKind;
import io.jiesu.core.ticket.Outcome;
import io.jiesu.core.ticket.Satisfaction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The request bodies, with their limits. Text a person typed is {@link PlainText}: free text (content, reasons,
 * notes) may run over several lines, names and places may not; a required one must say something ({@link HasText}:
 * not only spaces, zero-width or control characters). Phone numbers are {@link ChinesePhone}s, stored
 * in one form ({@link ChinesePhones#normalise}: 13812345678, 01064001234) however they were typed.
 */
public final class Requests {
    private Requests() {
    }

    public record NewTicketRequest(
            @NotNull Category category,
            @NotNull Channel channel,
            @NotNull @HasText @Size(max = 4000) @PlainText(multiline = true) String content,
            @NotNull @HasText @Size(max = 50) @PlainText String citizenName,
            @NotBlank @Size(max = 32) @ChinesePhone String citizenPhone,
            @Size(max = 200) @PlainText String location,
            @Size(max = 64) @PlainText String matter,
            Boolean answeredOnSpot,
            @Size(max = 64) @PlainText String articleId,
            @Min(1) Integer articleVersion) {
        public NewTicketRequest {
            citizenPhone = ChinesePhones.normalise(citizenPhone);
        }
    }

    public record DispatchRequest(@NotNull @HasText @Size(max = 64) @PlainText String leadUnit,
                                  @Size(max = 10) List<@NotNull @HasText @Size(max = 64) @PlainText String> coUnits) {
    }

    public record ReturnRequest(@NotNull @HasText @Size(max = 1000) @PlainText(multiline = true) String reason) {
    }

    public record ContactRequest(@NotNull ContactKind kind, @Size(max = 1000) @PlainText(multiline = true) String note) {
    }

    public record ReplyRequest(
            @NotNull @HasText @Size(max = 4000) @PlainText(multiline = true) String result,
            @NotNull Outcome outcome,
            @Size(max = 1000) @PlainText(multiline = true) String policyBasis,
            @NotNull @HasText @Size(max = 50) @PlainText String handlerName,
            @NotBlank @Size(max = 32) @ChinesePhone String handlerPhone) {
        public ReplyRequest {
            handlerPhone = ChinesePhones.normalise(handlerPhone);
        }
    }

    public record ExtensionRequest(@NotNull @Min(1) @Max(30) Integer days,
                                   @NotNull @HasText @Size(max = 1000) @PlainText(multiline = true) String reason) {
    }

    public record ExtensionDecision(@NotNull Boolean approved, @Size(max = 1000) @PlainText(multiline = true) String note) {
    }

    public record CallbackRequest(@NotNull Satisfaction satisfaction, @NotNull Boolean solved, Boolean demandReasonable,
                                  @Size(max = 1000) @PlainText(multiline = true) String note) {
    }
}
