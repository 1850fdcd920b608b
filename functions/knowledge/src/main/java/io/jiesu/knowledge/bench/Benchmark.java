package io.jiesu.knowledge.bench;

import io.jiesu.core.knowledge.AnswerHit;
import io.jiesu.core.knowledge.AnswerQuery;
import io.jiesu.core.knowledge.SearchableArticle;
import io.jiesu.knowledge.LuceneAnswerIndex;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark of the answer search: builds an index of synthetic hotline articles and measures what the agent desk
 * needs: how long building takes (the api function builds it at start), how much memory it takes, and the latency of
 * the top answers for callers' words.
 * <pre>functions/knowledge/bench [--articles 200000] [--queries 2000] [--limit 5] [--loaders 2] [--seed 7]</pre>
 */
public final class Benchmark {
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int articles = options.integer("--articles", 200_000);
        int queries = options.integer("--queries", 2_000);
        int limit = options.integer("--limit", 5);
        int loaders = options.integer("--loaders", Runtime.getRuntime().availableProcessors());
        long seed = options.integer("--seed", 7);

        System.out.printf("load average at start: %s%n", Latencies.loadAverage());
        long heapBefore = usedHeap(); // before the articles are generated: the index is what remains of them
        SyntheticArticles synthetic = new SyntheticArticles(seed);
        long started = System.nanoTime();
        List<SearchableArticle> all = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            all.add(synthetic.next("A" + i, NOW));
        }
        System.out.printf("generated %,d articles in %.1f s%n", articles, seconds(started));

        try (LuceneAnswerIndex index = new LuceneAnswerIndex()) {
            started = System.nanoTime();
            long cpu = Cpu.process();
            load(index, all, loaders);
            int size = index.size();
            double build = seconds(started);
            double buildCpu = (Cpu.process() - cpu) / 1e9;
            all = null;
            long heapAfter = usedHeap();
            System.out.printf("index build: %,d articles in %.1f s (%,.0f articles/s, %d loader threads), "
                    + "%.1f CPU-seconds%n", size, build, size / build, loaders, buildCpu);
            System.out.printf("index size: %,.1f MB of index files in memory; heap used grew by %,.1f MB%n",
                    index.bytes() / 1e6, (heapAfter - heapBefore) / 1e6);

            List<String> words = new ArrayList<>(queries);
            for (int i = 0; i < queries; i++) {
                words.add(synthetic.callerWords());
            }
            for (int i = 0; i < Math.min(500, queries); i++) {
                index.find(new AnswerQuery(words.get(i), Optional.empty(), limit, NOW)); // warm the JIT
            }
            Latencies latencies = new Latencies(queries);
            Latencies cpuTimes = new Latencies(queries);
            int empty = 0;
            for (String w : words) {
                long t = System.nanoTime();
                long c = Cpu.thread();
                List<AnswerHit> hits = index.find(new AnswerQuery(w, Optional.empty(), limit, NOW));
                cpuTimes.add(Cpu.thread() - c);
                latencies.add(System.nanoTime() - t);
                empty += hits.isEmpty() ? 1 : 0;
            }
            System.out.printf("top %d answers, wall clock: %s; %d queries found nothing%n", limit,
                    latencies.summary(), empty);
            // what a query costs the processor, which a busy shared machine does not inflate as it does the wall clock
            System.out.printf("top %d answers, CPU time:   %s%n", limit, cpuTimes.summary());
            for (String w : words.subList(0, 3)) {
                List<AnswerHit> hits = index.find(new AnswerQuery(w, Optional.empty(), 1, NOW));
                System.out.printf("  e.g. \"%s\" -> %s%n", w, hits.isEmpty() ? "(nothing)" : hits.get(0).question());
            }
        }
        System.out.printf("load average at end: %s%n", Latencies.loadAverage());
    }

    /** Loads in batches from several threads: the index takes concurrent puts, and segmenting is the cost. */
    static void load(LuceneAnswerIndex index, List<SearchableArticle> all, int loaders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < all.size(); from += BATCH) {
                List<SearchableArticle> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                batches.add(pool.submit(() -> index.putAll(batch)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0;
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
