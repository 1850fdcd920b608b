package io.jiesu.core.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a version of an article stands (docs/domain.md, "Knowledge base and notices"): a unit drafts it, sends it
 * for review, the hotline centre publishes it (or sends it back to draft with a reason); a published version is
 * superseded by the next one published, and expires when its validity ends or it is withdrawn.
 */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, SUPERSEDED, EXPIRED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
