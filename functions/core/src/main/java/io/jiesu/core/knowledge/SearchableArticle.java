package io.jiesu.core.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the answer search reads of one published article: the words of its current version, where it belongs, how
 * long it is valid and how often it helped. The knowledge base hands this to the index each time an article is
 * published, and takes it back (by id) when the article is withdrawn or expires.
 *
 * @param validTo   the end of validity, or {@code null} for an article without end
 * @param helpful   how many times agents or citizens marked the answer helpful
 * @param unhelpful how many times it was marked as not helping
 */
public record SearchableArticle(String articleId, int version, String question, List<String> variants,
                                String answer, String basis, List<String> matters, List<String> categories,
                                String unit, Instant validFrom, Instant validTo, Instant reviewedAt,
                                long helpful, long unhelpful) {
    public SearchableArticle {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        variants = List.copyOf(variants);
        matters = List.copyOf(matters);
        categories = List.copyOf(categories);
    }

    /** Whether callers may be given this answer at the instant: inside its validity. */
    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && (validTo == null || at.isBefore(validTo));
    }
}
