package io.jiesu.core.knowledge;

/** One answer found for a caller's words, best first; the version is what an agent cites when answering on the spot. */
public record AnswerHit(String articleId, int version, String question, String answer, String basis, String unit,
                        double score) {
}
