package io.jiesu.api.knowledge;

import io.jiesu.core.knowledge.AnswerHit;

/**
 * One answer for the caller's words. The agent cites {@code articleId} and {@code version} when answering on the
 * spot; online citizens get the same without the score.
 */
public record AnswerView(String articleId, int version, String question, String answer, String basis, String unit,
                         Double score) {
    static AnswerView forStaff(AnswerHit h) {
        return new AnswerView(h.articleId(), h.version(), h.question(), h.answer(), h.basis(), h.unit(), h.score());
    }

    /** What a citizen may read: the public text (the agents' internal note never reaches the index's hits). */
    static AnswerView forCitizens(AnswerHit h) {
        return new AnswerView(h.articleId(), h.version(), h.question(), h.answer(), h.basis(), h.unit(), null);
    }
}
