package io.jiesu.core.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * What one version of an article says: the question and the other ways callers ask it, the answer, the policy it
 * rests on, the catalogue matters and the categories it belongs to, and how long it is valid. {@code internalNote}
 * is for agents only (e.g. when to file a ticket after all); {@code citizensMaySee} whether online citizens are
 * shown the answer before they file.
 *
 * @param validTo the end of validity, or null for an article without end
 */
public record ArticleContent(String question, List<String> variants, String answer, String internalNote,
                             PolicyBasis basis, List<String> matters, List<String> categories,
                             Instant validFrom, Instant validTo, boolean citizensMaySee) {
    public ArticleContent {
        variants = variants == null ? List.of() : List.copyOf(variants);
        matters = matters == null ? List.of() : List.copyOf(matters);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Whether the answer may be given at the instant: inside its validity. */
    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && (validTo == null || at.isBefore(validTo));
    }
}
