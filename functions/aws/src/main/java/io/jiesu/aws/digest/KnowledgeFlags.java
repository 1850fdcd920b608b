package io.jiesu.aws.digest;

import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.digest.ArticleFlag;
import io.jiesu.core.knowledge.Articles;
import io.jiesu.core.knowledge.KnowledgePolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The articles each unit head's daily digest lists (past validity, soon expiring, not reviewed, often failing), from
 * each unit's article index page by page, never a scan. Only reads: the digest function writes nothing but its log.
 */
public class KnowledgeFlags {
    private final Articles articles;
    private final KnowledgePolicy policy;

    public KnowledgeFlags(Articles articles, KnowledgePolicy policy) {
        this.articles = articles;
        this.policy = policy;
    }

    public List<ArticleFlag> of(List<HandlingUnit> units, Instant now) {
        List<ArticleFlag> flags = new ArrayList<>();
        for (HandlingUnit u : units) {
            String cursor = null;
            do {
                Articles.Page page = articles.byUnit(u.id(), null, cursor, 200);
                page.items().forEach(a -> ArticleFlag.of(a, policy, now).ifPresent(flags::add));
                cursor = page.next();
            } while (cursor != null);
        }
        return flags;
    }
}
