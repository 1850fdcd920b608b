package io.jiesu.core.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base's articles with all their versions. Each step is stored conditional on the revision it was
 * computed from, so two editors racing leave one winner. Lists come from indexes, never a scan; the articles a list
 * holds carry their newest and their published version (what lists and the answer search read), {@link #find}
 * every version.
 */
public interface Articles {

    /** Stores a newly drafted article. */
    void create(Article drafted);

    /**
     * Stores the next article if the stored one is still at {@code before}'s revision.
     *
     * @throws ConcurrentArticleChange when it is not
     */
    void save(Article before, Article after);

    /** The article with every version, or empty. */
    Optional<Article> find(String id);

    /**
     * Counts an agent's mark on a published answer, without a revision (marks never race with editing).
     *
     * @return the article as marked, or empty when it is not published (no longer answering)
     */
    Optional<Article> mark(String id, boolean helpful, Instant at);

    /** A unit's articles, optionally of one status, most recently changed first. */
    Page byUnit(String unit, ArticleStatus status, String cursor, int limit);

    /** Articles of one status across units (the centre's review queue: in review), most recently changed first. */
    Page byStatus(ArticleStatus status, String cursor, int limit);

    /** Every article answering now (a published version), to build the answer search at start. */
    List<Article> answering();

    /**
     * The articles that started answering, changed or were marked after {@code since}, and those that stopped
     * answering after it (withdrawn, expired): the answer search catches up from here.
     */
    List<Article> changedSince(Instant since);

    /** One page of a list, and the cursor of the next (null on the last page). */
    record Page(List<Article> items, String next) {
    }

    /** The stored article is at another revision than the one a step was computed from. */
    class ConcurrentArticleChange extends RuntimeException {
        public ConcurrentArticleChange(String id) {
            super("article " + id + " changed meanwhile; read it again and retry");
        }
    }

    /** A cursor the lists did not hand out. */
    class BadCursor extends RuntimeException {
        public BadCursor() {
            super("is not a cursor this list handed out: start again without one, or pass the `next` of the page before");
        }
    }
}
