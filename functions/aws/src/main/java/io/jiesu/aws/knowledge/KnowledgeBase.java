package io.jiesu.aws.knowledge;

import io.jiesu.core.Refusal;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.core.knowledge.AnswerHit;
import io.jiesu.core.knowledge.AnswerIndex;
import io.jiesu.core.knowledge.AnswerQuery;
import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.ArticleContent;
import io.jiesu.core.knowledge.ArticleStatus;
import io.jiesu.core.knowledge.Articles;
import io.jiesu.core.knowledge.KnowledgePolicy;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.AnsweredFrom;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The knowledge base's one service, for the api: each step reads the article, lets the domain rule on it, stores it
 * conditional on its revision, and keeps this instance's answer search in step at once. Other instances learn of
 * the change when they {@link #catchUp} (every ~30 s), from the answering-articles index, never a scan.
 */
public class KnowledgeBase {
    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);
    /** Catch-ups overlap by this much: an index write seen late (eventual consistency, clocks apart) is not missed. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final Articles articles;
    private final CatalogueStore catalogue;
    private final AnswerIndex index;
    private final KnowledgePolicy policy;
    private final Clock clock;
    private final ZoneId zone;
    /** Which answering articles citizens may be shown (the index holds the words, not this). */
    private final Map<String, Boolean> citizensMaySee = new ConcurrentHashMap<>();
    private volatile Instant caughtUpTo;

    public KnowledgeBase(Articles articles, CatalogueStore catalogue, AnswerIndex index, KnowledgePolicy policy,
                         Clock clock, ZoneId zone) {
        this.articles = articles;
        this.catalogue = catalogue;
        this.index = index;
        this.policy = policy;
        this.clock = clock;
        this.zone = zone;
    }

    public KnowledgePolicy policy() {
        return policy;
    }

    /** Builds this instance's answer search from every answering article (the index, never a scan). */
    public void load() {
        Instant started = clock.instant();
        List<Article> answering = articles.answering();
        answering.forEach(this::keepInStep);
        caughtUpTo = started;
        LOG.infof("answer search built: articles=%d", answering.size());
    }

    /** Takes in what other instances changed since the last catch-up (put, replaced, removed). */
    public int catchUp() {
        if (caughtUpTo == null) {
            load();
            return index.size();
        }
        Instant started = clock.instant();
        List<Article> changed = articles.changedSince(caughtUpTo.minus(OVERLAP));
        changed.forEach(this::keepInStep);
        caughtUpTo = started;
        return changed.size();
    }

    public Article draft(ArticleContent content, Actor actor) {
        Instant now = clock.instant();
        Article a = Article.draft(ArticleIds.next(now, zone), content, actor, now, catalogue.current());
        articles.create(a);
        return a;
    }

    public Article revise(String id, ArticleContent content, Actor actor) {
        return step(id, a -> a.revise(content, actor, clock.instant(), catalogue.current()));
    }

    public Article submit(String id, Actor actor) {
        return step(id, a -> a.submitForReview(actor, clock.instant()));
    }

    public Article publish(String id, Actor actor) {
        return step(id, a -> a.publish(actor, clock.instant()));
    }

    public Article reject(String id, String reason, Actor actor) {
        return step(id, a -> a.reject(reason, actor, clock.instant()));
    }

    public Article withdraw(String id, String reason, Actor actor) {
        return step(id, a -> a.withdraw(reason, actor, clock.instant()));
    }

    /** An article past its validity, met by whoever reads it (the unit's digest), is expired for good. */
    public Article expire(Article a) {
        Article expired = a.expire(clock.instant());
        articles.save(a, expired);
        keepInStep(expired);
        return expired;
    }

    /** An agent's mark on an answer it gave; the search weighs it at once here, elsewhere at the next catch-up. */
    public Article mark(String id, boolean helpful) {
        Article a = get(id);
        a.marked(helpful); // refuses, naming the rule, when it is not published
        Article marked = articles.mark(id, helpful, clock.instant()).orElseThrow(() -> new ArticleNotFound(id));
        keepInStep(marked);
        return marked;
    }

    /**
     * The article an agent cites answering on the spot: a version that was published (the one answering now, or
     * one superseded while the agent read it out); never a draft, nor one withdrawn or expired.
     */
    public AnsweredFrom cited(String id, Integer version) {
        Article a = articles.find(id).orElseThrow(() -> Refusal.invalid("articleId", "no article " + id));
        if (version == null) {
            throw Refusal.invalid("articleVersion", "cite the version of the article that was read out");
        }
        ArticleStatus status = a.version(version).map(v -> v.status()).orElse(null);
        if (status != ArticleStatus.PUBLISHED && status != ArticleStatus.SUPERSEDED) {
            throw Refusal.invalid("articleVersion", "version " + version + " of " + id + " does not answer callers");
        }
        return new AnsweredFrom(id, version, a.unit());
    }

    public Article get(String id) {
        return articles.find(id).orElseThrow(() -> new ArticleNotFound(id));
    }

    public Articles articles() {
        return articles;
    }

    /** The best answers for the words, valid now. */
    public List<AnswerHit> answers(String words, Optional<String> category, int limit) {
        return index.find(new AnswerQuery(words, category, limit, clock.instant()));
    }

    /** The same, kept to the articles citizens may be shown. */
    public List<AnswerHit> citizensAnswers(String words, Optional<String> category, int limit) {
        return answers(words, category, Math.min(limit * 3, 50)).stream()
                .filter(h -> citizensMaySee.getOrDefault(h.articleId(), false)).limit(limit).toList();
    }

    private Article step(String id, UnaryOperator<Article> rule) {
        Article before = get(id);
        Article after = rule.apply(before);
        articles.save(before, after);
        keepInStep(after);
        return after;
    }

    private void keepInStep(Article a) {
        var searchable = a.searchable();
        if (searchable.isPresent()) {
            index.put(searchable.get());
            citizensMaySee.put(a.id(), a.published().orElseThrow().content().citizensMaySee());
        } else {
            index.remove(a.id());
            citizensMaySee.remove(a.id());
        }
    }

    /** No article with this id. */
    public static class ArticleNotFound extends RuntimeException {
        public ArticleNotFound(String id) {
            super("no article " + id);
        }
    }
}
