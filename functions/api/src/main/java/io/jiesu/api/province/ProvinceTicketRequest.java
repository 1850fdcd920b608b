package io.jiesu.api.province;

import io.jiesu.api.validation.ChinesePhone;
import io.jiesu.api.validation.ChinesePhones;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.jiesu.api.validation.HasText;
import io.jiesu.api.validation.HasTextValidator;
import io.jiesu.api.validation.PlainText;
import io.jiesu.routing.Features;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** A ticket as a provincial platform sends it down (docs/province/ticket.schema.json). */
public record ProvinceTicketRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "letters, digits, - and _ only")
        String provinceTicketId,
        @NotBlank @Size(max = 16) String category,
        @NotNull @HasText @Size(max = 4000) @PlainText(multiline = true) String content,
        @NotNull @Valid CitizenPart citizen,
        @Size(max = 200) @PlainText String address,
        @Size(max = 64) @PlainText String matter,
        OffsetDateTime receivedAt,
        // left out of the request's fingerprint when absent: a retry of a ticket sent before titles is still a retry
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 500) @PlainText(multiline = true) String title) {

    /**
     * The content as stored: the title, when the province sends one, on its own first line, where the router reads a
     * subject (one of at most 50 characters; a longer title is kept, not weighed). A title is never a reason to refuse a
     * ticket the province sent before it had titles, so it is taken generously and put on one line.
     */
    public String contentWithTitle() {
        return Features.withSubject(title != null && HasTextValidator.hasText(title) ? title : null, content.strip());
    }

    /** The phone is stored in one form however the province typed it, so the citizen index sees one caller. */
    public record CitizenPart(@NotNull @HasText @Size(max = 50) @PlainText String name,
                              @NotBlank @Size(max = 32) @ChinesePhone String phone) {
        public CitizenPart {
            phone = ChinesePhones.normalise(phone);
        }
    }
}
