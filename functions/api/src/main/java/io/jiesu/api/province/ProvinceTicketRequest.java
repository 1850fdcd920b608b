package io.jiesu.api.province;

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
        @NotBlank @Size(max = 4000) String content,
        @NotNull @Valid CitizenPart citizen,
        @Size(max = 200) String address,
        @Size(max = 64) String matter,
        OffsetDateTime receivedAt) {

    public record CitizenPart(@NotBlank @Size(max = 50) String name,
                              @NotBlank @Pattern(regexp = "^(\\+?86)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$",
                                      message = "must be a Chinese mobile or landline number") String phone) {
    }
}
