package io.jiesu.api.knowledge;

import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.ArticleStatus;
import io.jiesu.core.knowledge.ArticleVersion;
import io.jiesu.core.knowledge.PolicyBasis;
import io.jiesu.core.ticket.Role;

import java.time.Instant;
import java.util.List;

/**
 * An article as the api shows it: where it stands, which version answers ({@code publishedVersion}, null while none
 * does), its marks, and its versions (every one when read alone; in lists the newest and the published one).
 */
public record ArticleView(String id, String unit, ArticleStatus status, long revision, Integer publishedVersion,
                          Instant reviewedAt, Instant changedAt, long helpful, long unhelpful,
                          List<Version> versions) {

    /** One version: what it says, where it stands, who wrote it and when; note: why it was sent back or expired. */
    public record Version(int number, ArticleStatus status, String question, List<String> variants, String answer,
                          String internalNote, PolicyBasis basis, List<String> matters, List<String> categories,
                          Instant validFrom, Instant validTo, boolean citizensMaySee, String author, Role authorRole,
                          Instant writtenAt, String note) {
        static Version of(ArticleVersion v) {
            var c = v.content();
            return new Version(v.number(), v.status(), c.question(), c.variants(), c.answer(), c.internalNote(),
                    c.basis(), c.matters(), c.categories(), c.validFrom(), c.validTo(), c.citizensMaySee(),
                    v.author().id(), v.author().role(), v.writtenAt(), v.note());
        }
    }

    public static ArticleView of(Article a) {
        return new ArticleView(a.id(), a.unit(), a.status(), a.revision(),
                a.published().map(ArticleVersion::number).orElse(null), a.reviewedAt(), a.changedAt(), a.helpful(),
                a.unhelpful(), a.versions().stream().map(Version::of).toList());
    }

    /** A page of articles and the cursor of the next one (null on the last page). */
    public record Page(List<ArticleView> items, String next) {
    }
}
