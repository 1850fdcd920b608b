package io.jiesu.api.province;

import io.jiesu.api.validation.ChinesePhone;
import io.jiesu.api.validation.ChinesePhones;
import io.jiesu.api.validation.HasText;
import io.jiesu.api.validation.PlainText;
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
        @Size(max = 50) @PlainText String title) {

    /** The content as stored: the title, when the province sends one, on its own first line, which the router weighs. */
    public String contentWithTitle() {
        return title == null || title.isBlank() ? content.strip() : title.strip() + "\n" + content.strip();
    }

    /** The phone is stored in one form however the province typed it, so the citizen index sees one caller. */
    public record CitizenPart(@NotNull @HasText @Size(max = 50) @PlainText String name,
                              @NotBlank @Size(max = 32) @ChinesePhone String phone) {
        public CitizenPart {
            phone = ChinesePhones.normalise(phone);
        }
    }
}
