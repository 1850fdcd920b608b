package io.jiesu.knowledge;

import io.jiesu.core.knowledge.AnswerHit;
import io.jiesu.core.knowledge.AnswerIndex;
import io.jiesu.core.knowledge.AnswerQuery;
import io.jiesu.core.knowledge.SearchableArticle;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answer search on Lucene: articles segmented into Chinese words by smartcn, the caller's words widened by the
 * city's synonyms, matched against the question (weighed most), its variants, the answer and the policy basis with
 * BM25, kept to the articles valid at the instant asked about (and to a category when given), and ordered by that
 * relevance times the article's {@link Usefulness} (recency of review, helpfulness), see {@link Ranking}.
 *
 * <p>The index lives in memory. Finds run concurrently with puts: a put is visible to the next find (the searcher is
 * refreshed on demand, once for any number of puts in between). {@link #putAll} loads many articles with a single
 * refresh.
 */
public final class LuceneAnswerIndex implements AnswerIndex, Closeable {
    /**
     * How much a match in each field counts: the question is what the caller asks; variants are other ways of asking
     * it, written by the unit; the answer and the basis share words with the question but also with many others.
     */
    static final Map<String, Float> FIELD_WEIGHTS = Map.of(
            Fields.QUESTION, 3f,
            Fields.VARIANTS, 2f,
            Fields.ANSWER, 1f,
            Fields.BASIS, 0.5f);

    /**
     * Relevance picks the candidates, usefulness reorders them: at least this many, and this many per answer asked
     * for. Usefulness moves a score by at most ×1.2/×0.68, so an answer outside the best 50 by relevance would not
     * have reached the top 5 anyway, unless dozens of articles are worded alike (then it is one of equals).
     */
    static final int MIN_CANDIDATES = 50;
    static final int CANDIDATES_PER_ANSWER = 10;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong written = new AtomicLong();
    private volatile long visible;
    private volatile Analyzer queries;

    /** An empty index with the shipped default synonyms. */
    public LuceneAnswerIndex() {
        this(Synonyms.defaults());
    }

    public LuceneAnswerIndex(Synonyms synonyms) {
        try {
            directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(ChineseAnalysis.forArticles())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    // a larger buffer makes fewer, larger segments when thousands of articles are loaded at start
                    .setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synonyms(synonyms);
    }

    /** Replaces the synonyms the next finds use; the articles are not touched. */
    public void synonyms(Synonyms synonyms) {
        queries = ChineseAnalysis.forQueries(synonyms);
    }

    @Override
    public void put(SearchableArticle article) {
        putAll(List.of(article));
    }

    /** Adds or replaces many articles, made visible together. */
    public void putAll(Collection<SearchableArticle> articles) {
        try {
            for (SearchableArticle article : articles) {
                writer.updateDocument(new Term(Fields.ID, article.articleId()), Fields.document(article));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.incrementAndGet();
    }

    @Override
    public void remove(String articleId) {
        try {
            writer.deleteDocuments(new Term(Fields.ID, articleId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.incrementAndGet();
    }

    @Override
    public List<AnswerHit> find(AnswerQuery query) {
        Query words = words(ChineseAnalysis.normalise(query.words()));
        if (words == null) {
            return List.of();
        }
        BooleanQuery.Builder search = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        query.category().ifPresent(category ->
                search.add(new TermQuery(new Term(Fields.CATEGORY, category)), BooleanClause.Occur.FILTER));
        return withSearcher(searcher -> {
            int candidates = Math.max(MIN_CANDIDATES, query.limit() * CANDIDATES_PER_ANSWER);
            // nearly every article the index holds is valid (the knowledge base removes expired ones), so validity
            // is checked on the candidates; only when too few of them are valid is it searched for
            TopDocs relevant = searcher.search(search.build(), candidates);
            List<ScoreDoc> best = Ranking.rescore(searcher, relevant.scoreDocs, query.at());
            if (best.size() < query.limit() && relevant.scoreDocs.length == candidates) {
                search.add(Fields.validAt(query.at()), BooleanClause.Occur.FILTER);
                best = Ranking.rescore(searcher, searcher.search(search.build(), candidates).scoreDocs, query.at());
            }
            StoredFields stored = searcher.storedFields();
            List<AnswerHit> hits = new ArrayList<>(Math.min(query.limit(), best.size()));
            for (ScoreDoc hit : best.subList(0, Math.min(query.limit(), best.size()))) {
                hits.add(Fields.hit(stored.document(hit.doc), hit.score));
            }
            return hits;
        });
    }

    /**
     * The caller's words in every searched field, each field by its weight, as one flat disjunction (Lucene skips
     * the articles that cannot reach the top by relevance only over a flat one); null when no word is left.
     */
    private Query words(String text) {
        QueryBuilder builder = new QueryBuilder(queries);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean some = false;
        for (var field : FIELD_WEIGHTS.entrySet()) {
            Query inField = builder.createBooleanQuery(field.getKey(), text, BooleanClause.Occur.SHOULD);
            if (inField == null) {
                continue;
            }
            some = true;
            if (inField instanceof BooleanQuery words && words.getMinimumNumberShouldMatch() == 0
                    && words.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)) {
                for (BooleanClause word : words.clauses()) {
                    any.add(new BoostQuery(word.getQuery(), field.getValue()), BooleanClause.Occur.SHOULD);
                }
            } else {
                any.add(new BoostQuery(inField, field.getValue()), BooleanClause.Occur.SHOULD);
            }
        }
        return some ? any.build() : null;
    }

    @Override
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    private interface Search<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    /** Runs the search on a searcher that sees every put and removal finished before the call. */
    private <T> T withSearcher(Search<T> search) {
        try {
            catchUp();
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.on(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void catchUp() throws IOException {
        if (visible >= written.get()) {
            return;
        }
        synchronized (this) {
            long target = written.get();
            if (visible < target) {
                // every write counted in target finished before this refresh starts, so the refresh shows it
                searchers.maybeRefreshBlocking();
                visible = target;
            }
        }
    }

    /** Bytes the index takes in memory (its files; the JVM's own overhead aside). */
    public long bytes() {
        try {
            catchUp();
            long sum = 0;
            for (String file : directory.listAll()) {
                sum += directory.fileLength(file);
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of an article's Lucene document. */
    static final class Fields {
        static final String ID = "id";
        static final String VERSION = "version";
        static final String QUESTION = "question";
        static final String VARIANTS = "variants";
        static final String ANSWER = "answer";
        static final String BASIS = "basis";
        static final String UNIT = "unit";
        static final String MATTER = "matter";
        static final String CATEGORY = "category";
        static final String VALID_FROM = "validFrom";
        static final String VALID_TO = "validTo";

        private Fields() {
        }

        static Document document(SearchableArticle article) {
            Document doc = new Document();
            doc.add(new StringField(ID, article.articleId(), Field.Store.YES));
            doc.add(new StoredField(VERSION, article.version()));
            doc.add(new TextField(QUESTION, ChineseAnalysis.normalise(article.question()), Field.Store.YES));
            for (String variant : article.variants()) {
                doc.add(new TextField(VARIANTS, ChineseAnalysis.normalise(variant), Field.Store.NO));
            }
            doc.add(new TextField(ANSWER, ChineseAnalysis.normalise(article.answer()), Field.Store.YES));
            if (article.basis() != null) {
                doc.add(new TextField(BASIS, ChineseAnalysis.normalise(article.basis()), Field.Store.YES));
            }
            if (article.unit() != null) {
                doc.add(new StoredField(UNIT, article.unit()));
            }
            article.matters().forEach(matter -> doc.add(new StringField(MATTER, matter, Field.Store.NO)));
            article.categories().forEach(category -> doc.add(new StringField(CATEGORY, category, Field.Store.NO)));
            doc.add(new NumericDocValuesField(VALID_FROM, article.validFrom().toEpochMilli()));
            doc.add(new NumericDocValuesField(VALID_TO,
                    article.validTo() == null ? Long.MAX_VALUE : article.validTo().toEpochMilli()));
            doc.add(new NumericDocValuesField(Usefulness.REVIEWED_AT, article.reviewedAt().getEpochSecond()));
            doc.add(new DoubleDocValuesField(Usefulness.HELPFULNESS,
                    Usefulness.helpfulness(article.helpful(), article.unhelpful())));
            return doc;
        }

        /**
         * validFrom ≤ at < validTo, as a filter on the doc values of the articles the words match (nearly every
         * article is valid, so an index over all of them would cost more than it saves).
         */
        static Query validAt(Instant at) {
            long millis = at.toEpochMilli();
            return new BooleanQuery.Builder()
                    .add(NumericDocValuesField.newSlowRangeQuery(VALID_FROM, Long.MIN_VALUE, millis),
                            BooleanClause.Occur.FILTER)
                    .add(NumericDocValuesField.newSlowRangeQuery(VALID_TO, millis + 1, Long.MAX_VALUE),
                            BooleanClause.Occur.FILTER)
                    .build();
        }

        static AnswerHit hit(Document doc, float score) {
            return new AnswerHit(doc.get(ID), doc.getField(VERSION).numericValue().intValue(), doc.get(QUESTION),
                    doc.get(ANSWER), doc.get(BASIS), doc.get(UNIT), score);
        }
    }
}
