package io.jiesu.core.knowledge;

import io.jiesu.core.Refusal;
import io.jiesu.core.ticket.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.jiesu.core.knowledge.ArticleStatus.*;

/**
 * The hotline centre's part (docs/domain.md, "Knowledge base and notices"): it reviews what a unit sends and
 * publishes it, or sends it back to draft with a reason. Publishing a new version supersedes the one that answered
 * until then, and counts as the article's review (staleness counts from it).
 */
final class ReviewRules {
    private ReviewRules() {
    }

    static Article publish(Article a, Actor actor, Instant at) {
        centre(actor, "publish");
        inReview(a, "publish");
        ArticleContent c = a.latest().content();
        if (c.validTo() != null && !c.validTo().isAfter(at)) {
            throw Refusal.invalid("validTo", "the version's validity has ended already; send it back "
                    + "for a new version with a later end");
        }
        List<ArticleVersion> versions = new ArrayList<>();
        for (ArticleVersion v : a.versions()) {
            versions.add(v.status() == PUBLISHED ? v.withStatus(SUPERSEDED, "replaced by version "
                    + a.latest().number()) : v);
        }
        versions.set(versions.size() - 1, a.latest().withStatus(PUBLISHED, null));
        return a.next(versions, at, at);
    }

    /** Back to draft, with the reason the unit reads; the version that answered (if any) keeps answering. */
    static Article reject(Article a, String reason, Actor actor, Instant at) {
        centre(actor, "send back");
        Checks.text(reason, "reason", "say what the unit must change");
        inReview(a, "send back");
        return a.next(DraftingRules.replaceLatest(a, a.latest().withStatus(DRAFT, reason.strip())), a.reviewedAt(), at);
    }

    private static void centre(Actor actor, String step) {
        if (!Checks.centre(actor)) {
            throw Refusal.notCentre("only the hotline centre can " + step + " an article");
        }
    }

    private static void inReview(Article a, String step) {
        if (a.status() != IN_REVIEW) {
            throw a.status().refuses(step, IN_REVIEW);
        }
    }
}
