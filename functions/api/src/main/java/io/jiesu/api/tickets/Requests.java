package io.jiesu.api.tickets;

import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.ContactKind;
import io.jiesu.core.ticket.Outcome;
import io.jiesu.core.ticket.Satisfaction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The request bodies, with their limits. */
public final class Requests {
    /** A Chinese mobile (1xx xxxx xxxx) or landline with area code (0xx(x)-xxxxxxx(x)). */
    static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

    private Requests() {
    }

    public record NewTicketRequest(
            @NotNull Category category,
            @NotNull Channel channel,
            @NotBlank @Size(max = 4000) String content,
            @NotBlank @Size(max = 50) String citizenName,
            @NotBlank @Pattern(regexp = PHONE, message = "must be a Chinese mobile or landline number") String citizenPhone,
            @Size(max = 200) String location,
            @Size(max = 64) String matter,
            Boolean answeredOnSpot) {
    }

    public record DispatchRequest(@NotBlank @Size(max = 64) String leadUnit,
                                  @Size(max = 10) List<@NotBlank @Size(max = 64) String> coUnits) {
    }

    public record ReturnRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record ContactRequest(@NotNull ContactKind kind, @Size(max = 1000) String note) {
    }

    public record ReplyRequest(
            @NotBlank @Size(max = 4000) String result,
            @NotNull Outcome outcome,
            @Size(max = 1000) String policyBasis,
            @NotBlank @Size(max = 50) String handlerName,
            @NotBlank @Pattern(regexp = PHONE, message = "must be a Chinese mobile or landline number") String handlerPhone) {
    }

    public record ExtensionRequest(@NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(30) Integer days,
                                   @NotBlank @Size(max = 1000) String reason) {
    }

    public record ExtensionDecision(@NotNull Boolean approved, @Size(max = 1000) String note) {
    }

    public record CallbackRequest(@NotNull Satisfaction satisfaction, @NotNull Boolean solved, Boolean demandReasonable,
                                  @Size(max = 1000) String note) {
    }
}
