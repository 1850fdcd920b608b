package io.jiesu.core.knowledge;

import io.jiesu.core.Refusal;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a version of an article stands (docs/domain.md, "Knowledge base and notices"): a unit drafts it, sends it
 * for review, the hotline centre publishes it (or sends it back to draft with a reason); a published version is
 * superseded by the next one published, and expires when its validity ends or it is withdrawn. A draft the unit
 * replaced with a newer draft before anyone reviewed it is discarded (kept, as written, but never published).
 */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, SUPERSEDED, EXPIRED, DISCARDED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The refusal of a step this status does not allow, naming the statuses that do. */
    public Refusal refuses(String step, ArticleStatus... allowed) {
        return Refusal.wrongStatus("cannot " + step + " an article that is " + code() + "; allowed from "
                + java.util.Arrays.stream(allowed).map(ArticleStatus::code).toList());
    }

    /** From its code (draft, in_review…), as query parameters and stored items carry it. */
    public static ArticleStatus fromString(String code) {
        for (ArticleStatus s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no article status " + code);
    }
}
