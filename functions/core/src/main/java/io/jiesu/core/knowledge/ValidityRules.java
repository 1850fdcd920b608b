package io.jiesu.core.knowledge;

import io.jiesu.core.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time's part (docs/domain.md, "Knowledge base and notices"): an article past its validity expires and drops out of
 * the answers; one not reviewed for too long, about to expire, or often marked unhelpful is flagged to its unit
 * ({@link KnowledgePolicy} says how long and how often).
 */
final class ValidityRules {
    private ValidityRules() {
    }

    static Article expire(Article a, Instant at) {
        ArticleVersion published = a.published()
                .orElseThrow(() -> a.status().refuses("expire", ArticleStatus.PUBLISHED));
        Instant end = published.content().validTo();
        if (end == null || end.isAfter(at)) {
            throw Refusal.invalid("validTo", "the article is valid until " + end + "; withdraw it instead");
        }
        return a.next(without(a, published, "validity ended"), a.reviewedAt(), at);
    }

    /** The versions with the published one expired, for the given reason. */
    static List<ArticleVersion> without(Article a, ArticleVersion published, String why) {
        List<ArticleVersion> versions = new ArrayList<>(a.versions());
        versions.replaceAll(v -> v.number() == published.number() ? v.withStatus(ArticleStatus.EXPIRED, why) : v);
        return versions;
    }
}
