package io.jiesu.core.knowledge;

import java.util.List;

/**
 * The search over published articles. The knowledge base keeps it in step (an article published or updated is put,
 * one withdrawn or expired is removed); the agent desk and the citizens' pages ask it for answers. Implementations
 * understand Chinese (words, not substrings) and the city's synonyms.
 */
public interface AnswerIndex {
    /** Adds the article, or replaces the version held for the same id. */
    void put(SearchableArticle article);

    /** Forgets the article; nothing happens for an id the index does not hold. */
    void remove(String articleId);

    /** The best answers for the words, valid at the query's instant, most useful first; empty for no match. */
    List<AnswerHit> find(AnswerQuery query);

    /** How many articles the index holds. */
    int size();
}
