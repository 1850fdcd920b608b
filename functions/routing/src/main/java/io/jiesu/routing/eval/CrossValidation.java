package io.jiesu.routing.eval;

import io.jiesu.routing.Confidence;
import io.jiesu.routing.RouterModel;
import io.jiesu.routing.RouterTrainer;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.Suggestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Stratified k-fold cross-validation with a fixed seed: every example is held out once, each fold keeps the
 * units' proportions, and the same seed gives the same folds.
 */
final class CrossValidation {
    record Result(List<Outcome> outcomes, double trainSecondsPerFold, double p50Millis, double p95Millis,
                  int modelBytes) {
    }

    static Result run(List<RoutingExample> examples, RouterTrainer trainer, int k, long seed) {
        return run(examples, List.of(), trainer, k, seed);
    }

    /** @param lessons given to every fold's training beside its tickets (the catalogue's keywords), never tested */
    static Result run(List<RoutingExample> examples, List<RoutingExample> lessons, RouterTrainer trainer, int k,
                      long seed) {
        int[] fold = folds(examples, k, seed);
        List<Outcome> outcomes = new ArrayList<>();
        List<Long> predictNanos = new ArrayList<>();
        long trainNanos = 0;
        int bytes = 0;
        for (int f = 0; f < k; f++) {
            List<RoutingExample> train = new ArrayList<>(lessons);
            List<RoutingExample> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? test : train).add(examples.get(i));
            }
            long t0 = System.nanoTime();
            RouterModel model = trainer.train(train);
            trainNanos += System.nanoTime() - t0;
            bytes = Math.max(bytes, model.toBytes().length);
            // warm-up pass: a deployed function is measured warm (SnapStart restores a warmed snapshot)
            test.forEach(e -> model.suggest(e.ticket()));
            for (RoutingExample e : test) {
                long p0 = System.nanoTime();
                List<Suggestion> s = model.suggest(e.ticket());
                predictNanos.add(System.nanoTime() - p0);
                outcomes.add(Outcome.of(e, s));
            }
        }
        Collections.sort(predictNanos);
        return new Result(outcomes, trainNanos / 1e9 / k, percentile(predictNanos, 0.50) / 1e6,
                percentile(predictNanos, 0.95) / 1e6, bytes);
    }

    /** One held-out ticket's unit and the classifier's raw score of every unit. */
    record Scored(String truth, Map<String, Double> scores, boolean probabilities) {
        /** The outcome with the confidence a model of this kind and temperature would show. */
        Outcome outcome(Confidence confidence, double temperature) {
            if (scores.isEmpty()) {
                return new Outcome(truth, null, 0);
            }
            Map<String, Double> c = new TreeMap<>(scores);
            if (!probabilities) {
                confidence.apply(c, temperature);
            }
            // as the model's suggestions: the highest confidence, ties to the first unit by name
            Map.Entry<String, Double> best = null;
            for (Map.Entry<String, Double> e : c.entrySet()) {
                if (best == null || e.getValue() > best.getValue()) {
                    best = e;
                }
            }
            return new Outcome(truth, best.getKey(), best.getValue());
        }
    }

    /** Cross-validation keeping the raw scores, so confidences of several temperatures come from one training. */
    static List<Scored> scored(List<RoutingExample> examples, List<RoutingExample> lessons, RouterTrainer trainer,
                               int k, long seed) {
        int[] fold = folds(examples, k, seed);
        List<Scored> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<RoutingExample> train = new ArrayList<>(lessons);
            List<RoutingExample> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? test : train).add(examples.get(i));
            }
            RouterModel model = trainer.train(train);
            for (RoutingExample e : test) {
                out.add(new Scored(e.unit(), model.scores(e.ticket()), model.probabilities()));
            }
        }
        return out;
    }

    static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static int[] folds(List<RoutingExample> examples, int k, long seed) {
        Map<String, List<Integer>> byUnit = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byUnit.computeIfAbsent(examples.get(i).unit(), u -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[examples.size()];
        Arrays.fill(fold, -1);
        int next = 0;
        for (List<Integer> members : byUnit.values()) {
            Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next++ % k;
            }
        }
        return fold;
    }
}
