package io.jiesu.knowledge;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * What multiplies an article's relevance (BM25 over the caller's words): how recently it was reviewed and how often it
 * helped. Both are gentle factors around 1, so they order answers of about equal relevance and never lift an answer
 * to another question over the right one.
 *
 * <ul>
 *   <li><b>Recency</b>: {@code RECENCY_FLOOR + (1 - RECENCY_FLOOR) · 2^(-age / RECENCY_HALF_LIFE)}, the age counted from
 *   the last review to the instant asked about: 1.0 just reviewed, 0.925 after a year, towards 0.85 for an article
 *   nobody looked at for years (which the knowledge base flags to its unit anyway).</li>
 *   <li><b>Helpfulness</b>: the share of "helped" marks, smoothed with {@code PRIOR_VOTES} imaginary votes half each
 *   way, so a new article stands at 1.0 and a few early marks move it little; mapped to
 *   {@code 1 ± HELPFULNESS_SPREAD}: from 0.8 (never helps) to 1.2 (always helps).</li>
 * </ul>
 * The helpfulness factor is computed when the article is put (the knowledge base puts it again after feedback); the
 * recency is computed per query, since time passes without anything being put.
 */
final class Usefulness extends DoubleValuesSource {
    static final double RECENCY_FLOOR = 0.85;
    static final Duration RECENCY_HALF_LIFE = Duration.ofDays(365);
    static final double PRIOR_VOTES = 4;
    static final double HELPFULNESS_SPREAD = 0.2;

    static final String REVIEWED_AT = "reviewedAt";
    static final String HELPFULNESS = "helpfulness";

    private final long atSeconds;

    Usefulness(Instant at) {
        this.atSeconds = at.getEpochSecond();
    }

    /** The smoothed helpfulness factor stored with the article. */
    static double helpfulness(long helpful, long unhelpful) {
        double share = (Math.max(0, helpful) + PRIOR_VOTES / 2) / (Math.max(0, helpful) + Math.max(0, unhelpful) + PRIOR_VOTES);
        return 1 + HELPFULNESS_SPREAD * (2 * share - 1);
    }

    static double recency(long reviewedAtSeconds, long atSeconds) {
        double age = Math.max(0, atSeconds - reviewedAtSeconds);
        return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * Math.pow(2, -age / RECENCY_HALF_LIFE.toSeconds());
    }

    @Override
    public DoubleValues getValues(LeafReaderContext leaf, DoubleValues scores) throws IOException {
        NumericDocValues reviewed = DocValues.getNumeric(leaf.reader(), REVIEWED_AT);
        NumericDocValues helpfulness = DocValues.getNumeric(leaf.reader(), HELPFULNESS);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                double recency = reviewed.advanceExact(doc) ? recency(reviewed.longValue(), atSeconds) : RECENCY_FLOOR;
                double helps = helpfulness.advanceExact(doc) ? Double.longBitsToDouble(helpfulness.longValue()) : 1;
                value = recency * helps;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext leaf) {
        return DocValues.isCacheable(leaf, REVIEWED_AT, HELPFULNESS);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(atSeconds);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Usefulness u && u.atSeconds == atSeconds;
    }

    @Override
    public String toString() {
        return "usefulness(at=" + atSeconds + ")";
    }
}
