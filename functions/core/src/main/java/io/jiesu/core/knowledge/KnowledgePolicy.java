package io.jiesu.core.knowledge;

import java.time.Duration;
import java.time.Instant;

/**
 * When an article is flagged to its unit (docs/domain.md, "Knowledge base and notices": upkeep is an index units
 * are assessed on): not reviewed for {@code reviewAfter}, its validity ending within {@code expiringWithin}, or
 * marked unhelpful in at least {@code failingShare} of at least {@code failingMinimum} marks.
 */
public record KnowledgePolicy(Duration reviewAfter, Duration expiringWithin, double failingShare, long failingMinimum) {
    public static final KnowledgePolicy DEFAULTS = new KnowledgePolicy(Duration.ofDays(180), Duration.ofDays(14), 0.5, 10);

    public KnowledgePolicy {
        if (failingShare <= 0 || failingShare > 1) {
            throw new IllegalArgumentException("failingShare must lie in (0, 1]");
        }
    }

    /** Published, and last reviewed {@code reviewAfter} ago or longer. */
    public boolean stale(Article a, Instant now) {
        return a.published().isPresent() && a.reviewedAt() != null
                && !a.reviewedAt().plus(reviewAfter).isAfter(now);
    }

    /** Published, still valid, and its validity ends within {@code expiringWithin}. */
    public boolean expiringSoon(Article a, Instant now) {
        return a.published().map(v -> v.content().validTo())
                .filter(end -> end.isAfter(now) && !end.isAfter(now.plus(expiringWithin))).isPresent();
    }

    /** Published, and its validity has ended: it must expire. */
    public boolean pastValidity(Article a, Instant now) {
        return a.published().map(v -> v.content().validTo()).filter(end -> !end.isAfter(now)).isPresent();
    }

    /** Marked often enough to judge, and unhelpful in the failing share of the marks or more. */
    public boolean oftenFails(Article a) {
        long marks = a.helpful() + a.unhelpful();
        return marks >= failingMinimum && marks > 0 && (double) a.unhelpful() / marks >= failingShare;
    }
}
