package io.jiesu.core.ticket;

/**
 * The knowledge-base article a consultation was answered on the spot from (即时答复): which article, which version the
 * agent read out, and the unit that owns it (the on-the-spot answer rate counts it for that unit).
 */
public record AnsweredFrom(String articleId, int version, String unit) {
}
