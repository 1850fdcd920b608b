package io.jiesu.routing.eval;

import io.jiesu.core.catalogue.Route;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.routing.CatalogueLessons;
import io.jiesu.routing.Confidence;
import io.jiesu.routing.Classifier;
import io.jiesu.routing.Features;
import io.jiesu.routing.MeasuredThreshold;
import io.jiesu.routing.RouterModel;
import io.jiesu.routing.RouterTrainer;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.Suggestion;
import io.jiesu.routing.TicketImport;
import io.jiesu.routing.Tuning;

import java.io.IOException;
import java.io.PrintStream;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation command. Given a labelled file (routing-dev JSON, or the import's CSV/JSON), it cross-validates
 * the router and prints what a centre needs to set its threshold; with a classification tree it also prints the
 * keyword catalogue's figures on the same messages; with --synthetic it times training and prediction at scale.
 *
 * <pre>
 * ./mvnw -B -o -q -pl functions/routing exec:java -Dexec.args="--file messages.json --taxonomy taxonomy.json"
 *   --folds K (5)  --seed S  --features char1-2|char1-3|words|words+char1-2[+headlineN]  --classifier LIBLINEAR_LOGISTIC|LIBLINEAR_SVM|SGD_LOGISTIC|SGD_SVM
 *   --compare          every feature set and classifier, one line each, then the chosen tuning and its steps
 *   --sweep [--costs 1,2,4] [--balanced 0,1] [--lessons 0,1] [--idf 0,1]   the tuning grid (temperatures 1 … 0.1)
 *   --synthetic N      train on N generated tickets (--units U, 40) and time it
 *   --stability [conf|conf,feat|conf,views|conf,headline] [--seeds S1,S2] [--fold-counts 5,10]   mean ± spread over splits
 * </pre>
 */
public final class EvaluateRouter {
    private final PrintStream out;

    EvaluateRouter(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        new EvaluateRouter(System.out).run(args);
    }

    void run(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        long seed = Long.parseLong(opts.getOrDefault("seed", String.valueOf(RouterTrainer.SEED)));
        int folds = Integer.parseInt(opts.getOrDefault("folds", "5"));
        RouterTrainer trainer = RouterTrainer.chosen(Clock.systemUTC());
        if (opts.containsKey("features")) {
            trainer = trainer.with(Features.parse(opts.get("features")));
        }
        if (opts.containsKey("classifier")) {
            trainer = trainer.with(Classifier.valueOf(opts.get("classifier").toUpperCase(Locale.ROOT)));
        }
        if (opts.containsKey("synthetic")) {
            synthetic(trainer, Integer.parseInt(opts.get("synthetic")),
                    Integer.parseInt(opts.getOrDefault("units", "40")), seed);
            return;
        }
        if (!opts.containsKey("file")) {
            throw new IllegalArgumentException("--file names the labelled messages to evaluate on");
        }
        List<RoutingExample> examples = TicketImport.read(Files.readAllBytes(Path.of(opts.get("file"))));
        out.printf("%d labelled messages, %d units, %d-fold cross-validation, seed %d%n%n", examples.size(),
                examples.stream().map(RoutingExample::unit).distinct().count(), folds, seed);
        // with a classification tree, its matters' keywords are lessons for every fold, as the deployed training does
        // with the catalogue in force (RouterTrainer.train(history, catalogue))
        RoutingCatalogue taxonomy = opts.containsKey("taxonomy")
                ? KeywordBaseline.fromTaxonomy(Files.readAllBytes(Path.of(opts.get("taxonomy"))))
                : new RoutingCatalogue(List.of(), List.of());
        List<RoutingExample> lessons = CatalogueLessons.of(taxonomy,
                examples.stream().map(RoutingExample::unit).distinct().toList(), RouterTrainer.CATALOGUE_LESSON);
        if (opts.containsKey("compare")) {
            compare(examples, lessons, trainer, folds, seed);
        }
        if (opts.containsKey("stability")) {
            Stability.run(examples, lessons, opts.get("stability").equals("true") ? "conf" : opts.get("stability"),
                    java.util.Arrays.stream(opts.getOrDefault("seeds", RouterTrainer.SEED + ",1,2,3,4").split(","))
                            .mapToLong(Long::parseLong).toArray(),
                    java.util.Arrays.stream(opts.getOrDefault("fold-counts", "5,10").split(","))
                            .mapToInt(Integer::parseInt).toArray(), out);
            return;
        }
        if (opts.containsKey("sweep")) {
            sweep(examples, lessons, trainer, folds, seed, doubles(opts.getOrDefault("costs", "1,2,4")),
                    doubles(opts.getOrDefault("idf", "0,1")), doubles(opts.getOrDefault("balanced", "0,1")),
                    doubles(opts.getOrDefault("lessons", "0,1")));
        }
        report(examples, lessons, trainer, folds, seed);
        if (opts.containsKey("taxonomy")) {
            baseline(examples, taxonomy);
        }
        // last: what the deployed training would measure on this file and dispatch alone from (its own folds and seed)
        MeasuredThreshold m = ThresholdMeasurement.measure(trainer, examples, taxonomy, ThresholdMeasurement.TARGET_PRECISION);
        out.printf(Locale.ROOT, "A training on this file measures (jiesu.routing.target-precision %.2f, %d held out): %s%n",
                m.target(), m.heldOut(), m.reached() ? String.format(Locale.ROOT, "threshold %.2f, precision %.3f, %s dispatched alone",
                        m.threshold(), m.precision(), pct(m.automatic())) : "no threshold reaches it; a dispatcher decides every ticket");
    }

    /**
     * The first router's twelve (each classifier's own cost, margins as they are, no catalogue), then the chosen
     * tuning and its steps, one line each.
     */
    private void compare(List<RoutingExample> examples, List<RoutingExample> lessons, RouterTrainer base,
                         int folds, long seed) {
        out.println("| features | classifier | tuning | catalogue lessons | accuracy | macro-F1 | threshold for precision ≥ 0.95 | automatic | p95 ms |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (String f : List.of("char1-2", "char1-3", "words", "words+char1-2")) {
            for (Classifier c : List.of(Classifier.LIBLINEAR_LOGISTIC, Classifier.LIBLINEAR_SVM,
                    Classifier.SGD_LOGISTIC)) {
                compareLine(examples, List.of(), base.with(Features.parse(f)).with(c).with(Tuning.PLAIN), folds,
                        seed);
            }
        }
        RouterTrainer svm = base.with(Features.CHOSEN).with(Classifier.CHOSEN);
        compareLine(examples, List.of(), svm.with(Tuning.PLAIN.withTemperature(Tuning.CHOSEN.temperature())),
                folds, seed);
        compareLine(examples, List.of(), svm.with(Tuning.CHOSEN), folds, seed);
        if (!lessons.isEmpty()) {
            compareLine(examples, lessons, svm.with(Tuning.CHOSEN.withConfidence(Confidence.SOFTMAX)
                    .withTemperature(1.0)), folds, seed);
            compareLine(examples, lessons, svm.with(Tuning.CHOSEN.withConfidence(Confidence.SOFTMAX)
                    .withTemperature(0.25)), folds, seed);
            compareLine(examples, lessons, svm.with(Tuning.CHOSEN.withBalanced(true)), folds, seed);
            compareLine(examples, lessons, svm.with(Tuning.CHOSEN), folds, seed);
            compareLine(examples, lessons, svm.with(new Features(3, true, Features.HEADLINE)).with(Tuning.CHOSEN), folds,
                    seed);
        }
        out.println();
    }

    private void compareLine(List<RoutingExample> examples, List<RoutingExample> lessons, RouterTrainer t,
                             int folds, long seed) {
        CrossValidation.Result r = CrossValidation.run(examples, lessons, t, folds, seed);
        Scores s = new Scores(r.outcomes());
        Scores.AtThreshold at = s.lowestWithPrecision(0.95);
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.3f | %.3f | %s | %s | %.2f |%n", t.features().name(),
                t.classifier(), t.tuning().name(), lessons.isEmpty() ? "none" : lessons.size() + " keywords",
                s.accuracy(), s.macroF1(), at == null ? "none" : String.format(Locale.ROOT, "%.2f", at.threshold()),
                at == null ? "0 %" : pct(at.coverage()), r.p95Millis());
    }

    /** Cost, unit balance, the catalogue's lessons and the softmax temperature, one line each. */
    private void sweep(List<RoutingExample> examples, List<RoutingExample> lessons, RouterTrainer base, int folds,
                       long seed, double[] costs, double[] idfs, double[] balances, double[] lessonWeights) {
        out.println("| features | classifier | C | idf | balanced | catalogue lessons | confidence | T | accuracy | macro-F1 | threshold for precision ≥ 0.95 | automatic |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (double cost : costs) {
          for (double idfOn : idfs) {
            boolean idf = idfOn > 0;
            for (double balancedOn : balances) {
                boolean balanced = balancedOn > 0;
                for (double lessonWeight : lessons.isEmpty() ? new double[] {0} : lessonWeights) {
                    List<RoutingExample> given = lessons.stream().filter(l -> lessonWeight > 0)
                            .map(l -> new RoutingExample(l.ticket(), l.unit(), lessonWeight)).toList();
                    RouterTrainer t = base.with(base.tuning().withCost(cost).withBalanced(balanced).withIdf(idf));
                    List<CrossValidation.Scored> scored = CrossValidation.scored(examples, given, t, folds, seed);
                    for (Confidence confidence : Confidence.values()) {
                    for (double temperature : new double[] {1, 0.5, 0.25, 0.1}) {
                        Scores s = new Scores(scored.stream().map(x -> x.outcome(confidence, temperature)).toList());
                        Scores.AtThreshold at = s.lowestWithPrecision(0.95);
                        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %.3f | %.3f | %s | %s |%n",
                                base.features().name(), base.classifier(), cost, idf ? "yes" : "no",
                                balanced ? "yes" : "no",
                                lessonWeight == 0 ? "none" : "weight " + lessonWeight, confidence, temperature,
                                s.accuracy(), s.macroF1(),
                                at == null ? "none" : String.format(Locale.ROOT, "%.2f", at.threshold()),
                                at == null ? "0 %" : pct(at.coverage()));
                    }
                    }
                }
            }
          }
        }
        out.println();
    }

    private void report(List<RoutingExample> examples, List<RoutingExample> lessons, RouterTrainer trainer,
                        int folds, long seed) {
        CrossValidation.Result r = CrossValidation.run(examples, lessons, trainer, folds, seed);
        Scores s = new Scores(r.outcomes());
        out.printf(Locale.ROOT, "Learned router (%s, %s, %s; catalogue lessons: %s)%n", trainer.features().name(),
                trainer.classifier(), trainer.tuning().name(), lessons.isEmpty() ? "none" : lessons.size() + " keywords");
        out.printf(Locale.ROOT, "accuracy %.3f   macro-F1 %.3f   (full coverage)%n", s.accuracy(), s.macroF1());
        out.printf(Locale.ROOT, "training %.2f s per fold; prediction p50 %.2f ms, p95 %.2f ms; model %,d bytes%n%n",
                r.trainSecondsPerFold(), r.p50Millis(), r.p95Millis(), r.modelBytes());
        out.println("| threshold | dispatched automatically | precision of those | misrouted automatically | left for a dispatcher |");
        out.println("|---|---|---|---|---|");
        for (double t : Scores.THRESHOLDS) {
            Scores.AtThreshold a = s.at(t);
            out.printf(Locale.ROOT, "| %.2f | %s | %s | %s | %s |%n", t, pct(a.coverage()),
                    Double.isNaN(a.precision()) ? "–" : String.format(Locale.ROOT, "%.3f", a.precision()),
                    pct(a.misrouted()), pct(1 - a.coverage()));
        }
        Scores.AtThreshold chosen = s.lowestWithPrecision(0.95);
        if (chosen != null) {
            out.printf(Locale.ROOT, "%nlowest threshold with precision ≥ 0.95: %.2f (%s automatic, precision %.3f, "
                    + "%s misrouted)%n", chosen.threshold(), pct(chosen.coverage()), chosen.precision(),
                    pct(chosen.misrouted()));
        }
        out.println();
        confusion(s);
    }

    private void confusion(Scores s) {
        Map<String, Map<String, Integer>> table = s.confusion();
        List<String> columns = new ArrayList<>(s.units());
        out.println("Confusion (rows: the unit it belonged to; columns: the router's first choice)");
        out.print("| |");
        columns.forEach(c -> out.print(" " + c + " |"));
        out.println(" recall |");
        out.println("|---".repeat(columns.size() + 2) + "|");
        for (String truth : columns) {
            Map<String, Integer> row = table.getOrDefault(truth, Map.of());
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            out.print("| " + truth + " |");
            columns.forEach(c -> out.print(" " + row.getOrDefault(c, 0) + " |"));
            out.printf(Locale.ROOT, " %.2f |%n", total == 0 ? 0 : row.getOrDefault(truth, 0) / (double) total);
        }
        out.println();
    }

    private void baseline(List<RoutingExample> examples, RoutingCatalogue catalogue) {
        int right = 0;
        int wrong = 0;
        int left = 0;
        for (RoutingExample e : examples) {
            Optional<Route> route = catalogue.route(null, e.ticket().text(), Set.of());
            if (route.isEmpty()) {
                left++;
            } else if (route.get().leadUnit().equals(e.unit())) {
                right++;
            } else {
                wrong++;
            }
        }
        double n = examples.size();
        out.printf(Locale.ROOT, "Keyword catalogue (%d matters from the classification tree): right %s, wrong %s, "
                + "left for a dispatcher %s%n", catalogue.matters().size(), pct(right / n), pct(wrong / n),
                pct(left / n));
    }

    private void synthetic(RouterTrainer trainer, int count, int units, long seed) {
        List<RoutingExample> all = SyntheticTickets.generate(count + 1000, units, seed);
        List<RoutingExample> train = all.subList(0, count);
        List<RoutingExample> test = all.subList(count, all.size());
        // CPU time (all threads: training uses every core) beside wall time: on a shared machine the wall clock
        // measures the neighbours too; the load average says how many there were
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        RouterModel model = trainer.train(train);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - c0) / 1e9;
        double load = os.getSystemLoadAverage();
        byte[] bytes = model.toBytes();
        RouterModel loaded = RouterModel.fromBytes(bytes);
        test.forEach(e -> loaded.suggest(e.ticket()));
        List<Long> nanos = new ArrayList<>();
        int right = 0;
        for (RoutingExample e : test) {
            long p0 = System.nanoTime();
            List<Suggestion> s = loaded.suggest(e.ticket());
            nanos.add(System.nanoTime() - p0);
            right += !s.isEmpty() && s.get(0).unit().equals(e.unit()) ? 1 : 0;
        }
        nanos.sort(null);
        // the training function also measures the model's threshold on a held-out fold before storing it
        long mc0 = os.getProcessCpuTime();
        long m0 = System.nanoTime();
        MeasuredThreshold measured = ThresholdMeasurement.measure(trainer, train, new RoutingCatalogue(List.of(), List.of()),
                ThresholdMeasurement.TARGET_PRECISION);
        double measuring = (System.nanoTime() - m0) / 1e9;
        double measuringCpu = (os.getProcessCpuTime() - mc0) / 1e9;
        out.printf(Locale.ROOT, "Synthetic: %,d tickets, %d units, %s/%s: training %.1f s (CPU %.1f s, %d cores, load average %.1f); model %,d bytes "
                        + "(%,d features); prediction p50 %.2f ms, p95 %.2f ms over %d tickets (accuracy %.2f, "
                        + "meaningless on made-up text)%n", count, units, model.about().features(),
                model.about().classifier(), seconds, cpuSeconds, Runtime.getRuntime().availableProcessors(), load, bytes.length, model.about().featureCount(),
                CrossValidation.percentile(nanos, 0.5) / 1e6, CrossValidation.percentile(nanos, 0.95) / 1e6,
                test.size(), right / (double) test.size());
        out.printf(Locale.ROOT, "  the training function's threshold measurement (%,d held out): %.1f s (CPU %.1f s); train and measure %.1f s%n",
                measured.heldOut(), measuring, measuringCpu, seconds + measuring);
    }

    private static double[] doubles(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            opts.put(key, flag ? "true" : args[++i]);
        }
        return opts;
    }
}
