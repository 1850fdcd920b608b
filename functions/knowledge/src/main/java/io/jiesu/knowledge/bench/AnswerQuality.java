package io.jiesu.knowledge.bench;

import io.jiesu.core.knowledge.AnswerHit;
import io.jiesu.core.knowledge.AnswerQuery;
import io.jiesu.core.knowledge.SearchableArticle;
import io.jiesu.knowledge.LuceneAnswerIndex;
import io.jiesu.knowledge.Synonyms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The measure of answer quality: loads question-answer pairs as articles (optionally among synthetic background
 * articles), asks the index each caller's wording and reports how often the pair's own article is the first answer
 * (recall@1) or among the first five (recall@5), and the latency.
 * <pre>functions/knowledge/recall --file qa.json [--background 200000] [--synonyms default|none|file.txt]
 *     [--misses 1]</pre>
 */
public final class AnswerQuality {
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path file = Path.of(options.text("--file"));
        int background = options.integer("--background", 0);
        boolean showMisses = options.integer("--misses", 0) > 0;
        String synonymsChoice = options.values().getOrDefault("--synonyms", "default");
        Synonyms synonyms = switch (synonymsChoice) {
            case "default" -> Synonyms.defaults();
            case "none" -> Synonyms.none();
            default -> Synonyms.parse(Files.readString(Path.of(synonymsChoice), StandardCharsets.UTF_8));
        };

        QaPairs set = QaPairs.read(file);
        System.out.printf("load average at start: %s%n", Latencies.loadAverage());
        try (LuceneAnswerIndex index = new LuceneAnswerIndex(synonyms)) {
            long started = System.nanoTime();
            if (background > 0) {
                SyntheticArticles synthetic = new SyntheticArticles(7);
                List<SearchableArticle> noise = new ArrayList<>(background);
                for (int i = 0; i < background; i++) {
                    noise.add(synthetic.next("B" + i, Benchmark.NOW));
                }
                Benchmark.load(index, noise, Runtime.getRuntime().availableProcessors());
            }
            index.putAll(set.pairs().stream().map(p -> p.article(Benchmark.NOW)).toList());
            System.out.printf("%d pairs (%d asks) among %,d articles, loaded in %.1f s, synonyms: %s%n",
                    set.pairs().size(), set.pairs().stream().mapToInt(p -> p.asks().size()).sum(), index.size(),
                    Benchmark.seconds(started), synonymsChoice);

            for (var pair : set.pairs()) { // warm the JIT before timing
                index.find(new AnswerQuery(pair.asks().get(0), Optional.empty(), 5, Benchmark.NOW));
            }
            int asks = 0;
            int first = 0;
            int topFive = 0;
            double reciprocal = 0;
            Latencies latencies = new Latencies(set.pairs().stream().mapToInt(p -> p.asks().size()).sum());
            List<String> misses = new ArrayList<>();
            for (var pair : set.pairs()) {
                for (String ask : pair.asks()) {
                    long t = System.nanoTime();
                    List<AnswerHit> hits = index.find(new AnswerQuery(ask, Optional.empty(), 5, Benchmark.NOW));
                    latencies.add(System.nanoTime() - t);
                    asks++;
                    int rank = rank(hits, pair.id());
                    first += rank == 1 ? 1 : 0;
                    topFive += rank >= 1 ? 1 : 0;
                    reciprocal += rank >= 1 ? 1.0 / rank : 0;
                    if (rank != 1) {
                        misses.add(String.format("  %s \"%s\" -> %s; wanted \"%s\"", rank < 1 ? "miss" : "#" + rank,
                                ask, hits.isEmpty() ? "(nothing)" : "\"" + hits.get(0).question() + "\"",
                                pair.question()));
                    }
                }
            }
            System.out.printf("recall@1 %.3f (%d/%d), recall@5 %.3f (%d/%d), MRR@5 %.3f%n",
                    (double) first / asks, first, asks, (double) topFive / asks, topFive, asks, reciprocal / asks);
            System.out.printf("latency: %s%n", latencies.summary());
            if (showMisses) {
                misses.forEach(System.out::println);
            }
        }
        System.out.printf("load average at end: %s%n", Latencies.loadAverage());
    }

    private static int rank(List<AnswerHit> hits, String id) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).articleId().equals(id)) {
                return i + 1;
            }
        }
        return 0;
    }
}
