package io.jiesu.routing.eval;

import io.jiesu.routing.Classifier;
import io.jiesu.routing.Confidence;
import io.jiesu.routing.Features;
import io.jiesu.routing.RouterTrainer;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.Tuning;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Whether a setting's gain holds beyond one split: the same cross-validation over several seeds and fold counts,
 * each setting's raw margins turned into several confidences, mean ± spread, and each against the round-three
 * router (softmax, temperature 0.25) split by split. Also the threshold a deployment would ship: for each
 * threshold, the share dispatched alone and its precision over all the splits
 * (docs/decisions/0005-learned-router.md, fourth round).
 *
 * <pre>
 * functions/routing/evaluate --file messages.json --taxonomy taxonomy.json --stability [conf|conf,feat|conf,views|conf,headline|conf,idf]
 * </pre>
 */
final class Stability {
    private Stability() {
    }

    static void run(List<RoutingExample> examples, List<RoutingExample> lessons, String which, long[] seeds,
                    int[] foldCounts, PrintStream out) {
        RouterTrainer base = RouterTrainer.chosen(Clock.systemUTC());
        Map<String, RouterTrainer> trainers = new LinkedHashMap<>();
        trainers.put("chosen", base);
        if (which.contains("feat")) {
            trainers.put("char1-4", base.with(new Features(4, false, Features.HEADLINE)));
            trainers.put("char1-2", base.with(new Features(2, false, Features.HEADLINE)));
            trainers.put("words+char1-3", base.with(new Features(3, true, Features.HEADLINE)));
            trainers.put("C4", base.with(Tuning.CHOSEN.withCost(4)));
            trainers.put("C16", base.with(Tuning.CHOSEN.withCost(16)));
            trainers.put("LR C8", base.with(Classifier.LIBLINEAR_LOGISTIC));
            trainers.put("CS", base.with(Classifier.LIBLINEAR_MULTICLASS_SVM).with(Tuning.CHOSEN));
        }
        if (which.contains("headline")) {
            for (int times : new int[] {1, 4, 16}) {
                trainers.put("headline " + times, base.with(base.features().withHeadline(times)));
            }
        }
        if (which.contains("idf")) {
            trainers.put("idf", base.with(Tuning.CHOSEN.withIdf(true)));
        }
        if (which.contains("views")) {
            trainers.put("words", base.with(new Features(0, true, Features.HEADLINE)));
        }
        Map<String, Map<String, List<double[]>>> results = new LinkedHashMap<>();
        Map<String, List<List<Outcome>>> transfer = new LinkedHashMap<>();
        for (long seed : seeds) {
            for (int k : foldCounts) {
                currentK = k;
                Map<String, List<CrossValidation.Scored>> scored = new LinkedHashMap<>();
                trainers.forEach((name, t) -> scored.put(name, CrossValidation.scored(examples, lessons, t, k, seed)));
                for (var e : scored.entrySet()) {
                    if (e.getKey().equals("words")) {
                        continue;
                    }
                    List<CrossValidation.Scored> s = e.getValue();
                    add(results, e.getKey() + " / softmax T0.25", metrics(s, x -> softmaxTop(x, 0.25)));
                    if (e.getKey().startsWith("headline")) {
                        add(results, e.getKey() + " / runner-up", metrics(s, x -> confidence(x, Confidence.RUNNER_UP, 0.5)));
                    }
                    if (e.getKey().equals("chosen")) {
                        add(results, e.getKey() + " / softmax T1", metrics(s, x -> softmaxTop(x, 1)));
                        add(results, e.getKey() + " / softmax T0.5", metrics(s, x -> softmaxTop(x, 0.5)));
                        add(results, e.getKey() + " / softmax T0.1", metrics(s, x -> softmaxTop(x, 0.1)));
                        add(results, e.getKey() + " / runner-up (any T: same order)", metrics(s, x -> confidence(x, Confidence.RUNNER_UP, 0.5)));
                        for (double t : new double[] {0.25, 0.5}) {
                            final double tt = t;
                            transfer.computeIfAbsent("runner-up T" + t, x -> new ArrayList<>())
                                    .add(s.stream().map(x -> confidence(x, Confidence.RUNNER_UP, tt)).toList());
                        }
                        transfer.computeIfAbsent("softmax T0.25", x -> new ArrayList<>())
                                .add(s.stream().map(x -> softmaxTop(x, 0.25)).toList());
                        add(results, e.getKey() + " / top margin", metrics(s, Stability::topMargin));
                    }
                }
                if (scored.containsKey("words")) {
                    List<CrossValidation.Scored> a = scored.get("chosen");
                    List<CrossValidation.Scored> b = scored.get("words");
                    for (double w : new double[] {0.5, 0.3}) {
                        List<Outcome> items = new ArrayList<>();
                        for (int i = 0; i < a.size(); i++) {
                            items.add(mix(a.get(i), b.get(i), w, 0.25));
                        }
                        add(results, "views mix w" + w, metrics(items));
                    }
                    List<Outcome> agree = new ArrayList<>();
                    List<Outcome> agreeGap = new ArrayList<>();
                    for (int i = 0; i < a.size(); i++) {
                        Outcome x = softmaxTop(a.get(i), 0.25);
                        Outcome y = softmaxTop(b.get(i), 0.25);
                        boolean same = x.predicted() != null && x.predicted().equals(y.predicted());
                        agree.add(new Outcome(x.truth(), x.predicted(), same ? Math.min(x.confidence(), y.confidence())
                                : 0.5 * Math.min(x.confidence(), y.confidence())));
                        agreeGap.add(new Outcome(x.truth(), x.predicted(), (same ? 1 : 0) + x.confidence()));
                    }
                    add(results, "views agree min", metrics(agree));
                    add(results, "views agree then chars", metrics(agreeGap));
                }
            }
        }
        transfer.forEach((name, runs) -> {
            List<Double> th = new ArrayList<>();
            for (List<Outcome> r : runs) {
                Scores.AtThreshold a = new Scores(r).lowestWithPrecision(0.95);
                th.add(a == null ? Double.NaN : a.threshold());
            }
            out.println(name + " thresholds for P>=0.95 per run: " + th);
            for (int c = 0; c <= 100; c++) {
                double t = c / 100.0;
                double[] cov = runs.stream().mapToDouble(r -> new Scores(r).at(t).coverage()).toArray();
                double[] pre = runs.stream().mapToDouble(r -> new Scores(r).at(t).precision()).toArray();
                if (mean(pre) > 0.90) {
                    out.printf(Locale.ROOT, "  at %.2f: automatic %.3f ± %.3f, precision %.3f ± %.3f (min %.3f)%n",
                            t, mean(cov), sd(cov), mean(pre), sd(pre), min(pre));
                }
            }
        });
        List<double[]> base0 = new ArrayList<>();
        results.get("chosen / softmax T0.25").values().forEach(base0::addAll);
        results.forEach((name, byK) -> {
            List<double[]> all = new ArrayList<>();
            byK.values().forEach(all::addAll);
            double[] d95 = new double[all.size()];
            double[] d90 = new double[all.size()];
            double[] daurc = new double[all.size()];
            int better = 0, worse = 0;
            for (int i = 0; i < all.size(); i++) {
                d95[i] = all.get(i)[2] - base0.get(i)[2];
                d90[i] = all.get(i)[3] - base0.get(i)[3];
                daurc[i] = all.get(i)[4] - base0.get(i)[4];
                better += d95[i] > 1e-9 ? 1 : 0;
                worse += d95[i] < -1e-9 ? 1 : 0;
            }
            out.printf(Locale.ROOT, "paired vs softmax T0.25 (round three): %s: automatic@0.95 %+.3f ± %.3f (better in %d, worse in %d of %d), @0.90 %+.3f ± %.3f, AURC %+.4f ± %.4f%n",
                    name, mean(d95), sd(d95), better, worse, all.size(), mean(d90), sd(d90), mean(daurc), sd(daurc));
        });
        out.println("| variant | accuracy | macro-F1 | automatic at P≥0.95 (rank) | automatic at P≥0.90 | AURC (risk, lower better) |");
        out.println("|---|---|---|---|---|---|");
        results.forEach((name, byK) -> {
            List<double[]> all = new ArrayList<>();
            byK.values().forEach(all::addAll);
            StringBuilder line = new StringBuilder("| " + name + " |");
            for (int m = 0; m < 5; m++) {
                final int mm = m;
                double[] v = all.stream().mapToDouble(r -> r[mm]).toArray();
                line.append(String.format(Locale.ROOT, " %.3f ± %.3f (%.3f–%.3f) |", mean(v), sd(v), min(v), max(v)));
            }
            out.println(line);
            byK.forEach((k, rows) -> {
                StringBuilder l = new StringBuilder("|   " + k + " |");
                for (int m = 0; m < 5; m++) {
                    final int mm = m;
                    double[] v = rows.stream().mapToDouble(r -> r[mm]).toArray();
                    l.append(String.format(Locale.ROOT, " %.3f ± %.3f |", mean(v), sd(v)));
                }
                out.println(l);
            });
        });
    }

    static void add(Map<String, Map<String, List<double[]>>> results, String name, double[] m) {
        results.computeIfAbsent(name, n -> new TreeMap<>()).computeIfAbsent("k" + (m[5] < 10 ? "0" : "") + (int) m[5], x -> new ArrayList<>())
                .add(m);
    }

    /** The fold count of the run being measured (metrics carry it to group the lines). */
    private static int currentK;

    static double[] metrics(List<CrossValidation.Scored> s, Function<CrossValidation.Scored, Outcome> f) {
        return metrics(s.stream().map(f).toList());
    }

    static double[] metrics(List<Outcome> items) {
        Scores sc = new Scores(items);
        List<Outcome> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(Outcome::confidence).reversed());
        int n = sorted.size();
        double cov95 = 0;
        double cov90 = 0;
        double aurc = 0;
        int right = 0;
        for (int i = 0; i < n; i++) {
            Outcome it = sorted.get(i);
            right += it.truth().equals(it.predicted()) ? 1 : 0;
            aurc += 1 - right / (double) (i + 1);
            boolean cut = i == n - 1 || sorted.get(i + 1).confidence() < it.confidence();
            if (cut) {
                double p = right / (double) (i + 1);
                if (p >= 0.95) {
                    cov95 = (i + 1) / (double) n;
                }
                if (p >= 0.90) {
                    cov90 = (i + 1) / (double) n;
                }
            }
        }
        return new double[] {sc.accuracy(), sc.macroF1(), cov95, cov90, aurc / n, currentK};
    }

    static Outcome softmaxTop(CrossValidation.Scored s, double t) {
        return confidence(s, Confidence.SOFTMAX, t);
    }


    static Outcome confidence(CrossValidation.Scored s, Confidence c, double t) {
        Outcome o = s.outcome(c, t);
        return new Outcome(o.truth(), o.predicted(), o.confidence());
    }

    static Outcome topMargin(CrossValidation.Scored s) {
        List<Map.Entry<String, Double>> e = new ArrayList<>(s.scores().entrySet());
        e.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return new Outcome(s.truth(), e.get(0).getKey(), e.get(0).getValue());
    }

    static Outcome mix(CrossValidation.Scored a, CrossValidation.Scored b, double w, double t) {
        if (!a.truth().equals(b.truth())) {
            throw new IllegalStateException("misaligned");
        }
        Map<String, Double> x = new TreeMap<>(a.scores());
        Map<String, Double> y = new TreeMap<>(b.scores());
        Confidence.SOFTMAX.apply(x, t);
        Confidence.SOFTMAX.apply(y, t);
        Map<String, Double> m = new TreeMap<>();
        x.forEach((u, p) -> m.put(u, (1 - w) * p + w * y.getOrDefault(u, 0.0)));
        var best = m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new Outcome(a.truth(), best.getKey(), best.getValue());
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double d : v) s += (d - m) * (d - m);
        return Math.sqrt(s / Math.max(1, v.length - 1));
    }

    static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }
}
