package io.jiesu.core.knowledge;

import io.jiesu.core.Refusal;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.ticket.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An article of the knowledge base (知识库): a question and its answer, owned by the unit that leads its matters,
 * with every version it ever had. Immutable: each step returns the next article (revision + 1), or is refused with a
 * {@link Refusal} naming the rule. The rules live by who applies them: {@link DraftingRules} (the unit),
 * {@link ReviewRules} (the hotline centre), {@link ValidityRules} (time).
 *
 * <p>A published article being revised keeps answering with its published version until the centre publishes the
 * new one: {@link #published()} is what answers, {@link #latest()} what the unit works on.
 *
 * @param reviewedAt when the centre last published it (staleness counts from here), or null before that
 * @param changedAt  when it last changed (the answer search catches up on articles changed since an instant)
 * @param helpful    how often agents marked its answer helpful; {@code unhelpful} as not helping
 */
public record Article(String id, String unit, long revision, List<ArticleVersion> versions, Instant reviewedAt,
                      Instant changedAt, long helpful, long unhelpful) {
    public Article {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an article has at least one version");
        }
    }

    /** The version the unit works on: the newest. */
    public ArticleVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** Where the article stands, as lists show it: its newest version's status. */
    public ArticleStatus status() {
        return latest().status();
    }

    /** The version that answers callers, while one is published. */
    public Optional<ArticleVersion> published() {
        return versions.stream().filter(v -> v.status() == ArticleStatus.PUBLISHED).findFirst();
    }

    public Optional<ArticleVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** What the answer search reads of it, while it answers. */
    public Optional<SearchableArticle> searchable() {
        return published().map(v -> {
            ArticleContent c = v.content();
            return new SearchableArticle(id, v.number(), c.question(), c.variants(), c.answer(),
                    c.basis() == null ? null : c.basis().toString(), c.matters(), c.categories(), unit,
                    c.validFrom(), c.validTo(), reviewedAt == null ? v.writtenAt() : reviewedAt, helpful, unhelpful);
        });
    }

    // ---- the unit (起草, 修改, 送审, 撤回) -------------------------------------------------------------------

    /** A unit drafts a new article about the matters it leads. */
    public static Article draft(String id, ArticleContent content, Actor actor, Instant at, RoutingCatalogue catalogue) {
        return DraftingRules.draft(id, content, actor, at, catalogue);
    }

    /** The owning unit writes a new version; a published one keeps answering until the new one is published. */
    public Article revise(ArticleContent content, Actor actor, Instant at, RoutingCatalogue catalogue) {
        return DraftingRules.revise(this, content, actor, at, catalogue);
    }

    public Article submitForReview(Actor actor, Instant at) {
        return DraftingRules.submit(this, actor, at);
    }

    /** The owning unit or the centre takes the published version out of the answers, with a reason. */
    public Article withdraw(String reason, Actor actor, Instant at) {
        return DraftingRules.withdraw(this, reason, actor, at);
    }

    // ---- the hotline centre (审核, 发布, 退回修改) ----------------------------------------------------------

    public Article publish(Actor actor, Instant at) {
        return ReviewRules.publish(this, actor, at);
    }

    public Article reject(String reason, Actor actor, Instant at) {
        return ReviewRules.reject(this, reason, actor, at);
    }

    // ---- time --------------------------------------------------------------------------------------------

    /** The published version's validity has ended: it drops out of the answers. */
    public Article expire(Instant at) {
        return ValidityRules.expire(this, at);
    }

    // ---- feedback (有用 / 无用) ------------------------------------------------------------------------------

    /**
     * An agent marks the answer it gave as helpful or not. Only a published answer was given; the marks count
     * toward its ranking in the answers and toward the list of articles that often fail.
     */
    public Article marked(boolean helped) {
        if (published().isEmpty()) {
            throw status().refuses("mark the answer of", ArticleStatus.PUBLISHED);
        }
        return new Article(id, unit, revision, versions, reviewedAt, changedAt,
                helpful + (helped ? 1 : 0), unhelpful + (helped ? 0 : 1));
    }

    /** The next article, one revision on, with these versions. */
    Article next(List<ArticleVersion> nextVersions, Instant nextReviewedAt, Instant at) {
        return new Article(id, unit, revision + 1, nextVersions, nextReviewedAt, at, helpful, unhelpful);
    }
}
