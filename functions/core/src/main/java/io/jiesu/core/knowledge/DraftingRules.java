package io.jiesu.core.knowledge;

import io.jiesu.core.Refusal;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.jiesu.core.knowledge.ArticleStatus.*;

/**
 * The unit's part (docs/domain.md, "Knowledge base and notices"): a unit drafts and updates the articles of the
 * matters it leads in the catalogue (首接负责主协办清单), every update a new version, and sends a draft to the
 * hotline centre for review. Upkeep is the unit's duty, so it may also withdraw its own article.
 */
final class DraftingRules {
    private DraftingRules() {
    }

    static Article draft(String id, ArticleContent content, Actor actor, Instant at, RoutingCatalogue catalogue) {
        String unit = unitOf(actor);
        Checks.content(content);
        mattersLedBy(unit, content.matters(), catalogue);
        ArticleVersion first = new ArticleVersion(1, content, DRAFT, actor, at, null);
        return new Article(id, unit, 1, List.of(first), null, at, 0, 0);
    }

    /**
     * A new version. While the centre reviews one, the unit waits for its decision; a draft written over an older
     * draft leaves the older one as it was written (discarded), so every version is kept.
     */
    static Article revise(Article a, ArticleContent content, Actor actor, Instant at, RoutingCatalogue catalogue) {
        owner(a, actor, "update");
        if (a.status() == IN_REVIEW) {
            throw IN_REVIEW.refuses("update", DRAFT, PUBLISHED, EXPIRED);
        }
        Checks.content(content);
        mattersLedBy(a.unit(), content.matters(), catalogue);
        List<ArticleVersion> versions = new ArrayList<>(a.versions());
        if (a.status() == DRAFT) {
            versions.set(versions.size() - 1, a.latest().withStatus(DISCARDED, "replaced by a newer draft"));
        }
        versions.add(new ArticleVersion(a.latest().number() + 1, content, DRAFT, actor, at, null));
        return a.next(versions, a.reviewedAt(), at);
    }

    static Article submit(Article a, Actor actor, Instant at) {
        owner(a, actor, "send for review");
        if (a.status() != DRAFT) {
            throw a.status().refuses("send for review", DRAFT);
        }
        return a.next(replaceLatest(a, a.latest().withStatus(IN_REVIEW, null)), a.reviewedAt(), at);
    }

    static Article withdraw(Article a, String reason, Actor actor, Instant at) {
        if (!Checks.centre(actor)) {
            owner(a, actor, "withdraw");
        }
        Checks.text(reason, "reason", "say why the article is withdrawn");
        ArticleVersion published = a.published()
                .orElseThrow(() -> a.status().refuses("withdraw", PUBLISHED));
        return a.next(ValidityRules.without(a, published, "withdrawn: " + reason.strip()), a.reviewedAt(), at);
    }

    static List<ArticleVersion> replaceLatest(Article a, ArticleVersion latest) {
        List<ArticleVersion> versions = new ArrayList<>(a.versions());
        versions.set(versions.size() - 1, latest);
        return versions;
    }

    private static String unitOf(Actor actor) {
        if ((actor.role() != Role.UNIT && actor.role() != Role.REVIEWER) || actor.unitId() == null) {
            throw Refusal.notYourArticle("only a handling unit drafts articles, about the matters it leads");
        }
        return actor.unitId();
    }

    private static void owner(Article a, Actor actor, String step) {
        if (!a.unit().equals(unitOf(actor))) {
            throw Refusal.notYourArticle("only the unit that owns the article can " + step + " it");
        }
    }

    /** Every matter named must be in the catalogue, and led by the unit: a unit writes about what it handles. */
    private static void mattersLedBy(String unit, List<String> matters, RoutingCatalogue catalogue) {
        for (String code : matters) {
            Matter m = catalogue.matters().stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElseThrow(() -> Refusal.invalid("matters", "no matter " + code + " in the catalogue"));
            if (!unit.equals(m.leadUnit())) {
                throw Refusal.notYourArticle("matter " + code + " is led by another unit: its articles are theirs");
            }
        }
    }
}
