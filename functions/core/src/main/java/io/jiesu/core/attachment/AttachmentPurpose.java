package io.jiesu.core.attachment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The step a file belongs to: the citizen's matter as taken in, a contact with the citizen, or the unit's reply. */
public enum AttachmentPurpose {
    INTAKE, CONTACT, REPLY;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
