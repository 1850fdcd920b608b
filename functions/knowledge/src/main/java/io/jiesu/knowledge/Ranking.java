package io.jiesu.knowledge;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The final order of the answers: relevance (BM25) times usefulness, over the candidates relevance found, keeping
 * only the articles valid at the instant asked about. Lucene finds the candidates fast because it may skip articles
 * that cannot reach them by relevance; multiplying every matching article by a factor inside the search would forbid
 * that skipping and cost a scan of all matches (tens of milliseconds with 200,000 articles and a common word).
 */
final class Ranking {
    private Ranking() {
    }

    /**
     * The valid candidates, each scored relevance × usefulness, best first (equal scores in index order, as Lucene
     * orders them); an article not yet valid or expired is dropped: it never answers.
     */
    static List<ScoreDoc> rescore(IndexSearcher searcher, ScoreDoc[] candidates, Instant at) throws IOException {
        ScoreDoc[] byDoc = candidates.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Usefulness usefulness = new Usefulness(at);
        long millis = at.toEpochMilli();
        List<ScoreDoc> rescored = new ArrayList<>(byDoc.length);
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        DoubleValues values = null;
        NumericDocValues from = null;
        NumericDocValues to = null;
        for (ScoreDoc candidate : byDoc) {
            int leafAt = ReaderUtil.subIndex(candidate.doc, leaves);
            if (leafAt != leafIndex) {
                leafIndex = leafAt;
                leaf = leaves.get(leafAt);
                values = usefulness.getValues(leaf, null);
                from = DocValues.getNumeric(leaf.reader(), LuceneAnswerIndex.Fields.VALID_FROM);
                to = DocValues.getNumeric(leaf.reader(), LuceneAnswerIndex.Fields.VALID_TO);
            }
            int doc = candidate.doc - leaf.docBase;
            boolean valid = from.advanceExact(doc) && from.longValue() <= millis
                    && to.advanceExact(doc) && millis < to.longValue();
            if (valid) {
                double factor = values.advanceExact(doc) ? values.doubleValue() : 1;
                rescored.add(new ScoreDoc(candidate.doc, (float) (candidate.score * factor), candidate.shardIndex));
            }
        }
        rescored.sort(Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed().thenComparingInt(d -> d.doc));
        return rescored;
    }
}
