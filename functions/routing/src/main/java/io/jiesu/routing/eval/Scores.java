package io.jiesu.routing.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The figures a centre needs to trust a router, from held-out outcomes. */
final class Scores {
    static final double[] THRESHOLDS = {0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
        0.95};

    private final List<Outcome> outcomes;

    Scores(List<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    double accuracy() {
        return outcomes.stream().filter(Outcome::right).count() / (double) outcomes.size();
    }

    double macroF1() {
        Set<String> units = units();
        double sum = 0;
        for (String u : units) {
            long tp = outcomes.stream().filter(o -> o.truth().equals(u) && o.right()).count();
            long predicted = outcomes.stream().filter(o -> u.equals(o.predicted())).count();
            long actual = outcomes.stream().filter(o -> o.truth().equals(u)).count();
            double p = predicted == 0 ? 0 : tp / (double) predicted;
            double r = actual == 0 ? 0 : tp / (double) actual;
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / units.size();
    }

    /** At this threshold: the share dispatched automatically, their precision, the share misrouted automatically. */
    record AtThreshold(double threshold, double coverage, double precision, double misrouted) {
    }

    AtThreshold at(double threshold) {
        List<Outcome> auto = outcomes.stream().filter(o -> o.predicted() != null && o.confidence() >= threshold)
                .toList();
        long right = auto.stream().filter(Outcome::right).count();
        return new AtThreshold(threshold, auto.size() / (double) outcomes.size(),
                auto.isEmpty() ? Double.NaN : right / (double) auto.size(),
                (auto.size() - right) / (double) outcomes.size());
    }

    /** The lowest threshold whose automatic dispatches are at least this precise, and that keeps the most. */
    AtThreshold lowestWithPrecision(double precision) {
        return lowestWithPrecision(precision, 1);
    }

    /** The same, counting only thresholds at which at least {@code leastDispatched} tickets went out alone. */
    AtThreshold lowestWithPrecision(double precision, int leastDispatched) {
        AtThreshold best = null;
        for (int t = 100; t >= 0; t--) {
            AtThreshold a = at(t / 100.0);
            if (!Double.isNaN(a.precision()) && a.precision() >= precision
                    && Math.round(a.coverage() * outcomes.size()) >= leastDispatched) {
                best = a;
            }
        }
        return best;
    }

    Set<String> units() {
        Set<String> units = new TreeSet<>();
        outcomes.forEach(o -> units.add(o.truth()));
        return units;
    }

    /** truth -> predicted -> count; a ticket left for a dispatcher is counted under "(left)". */
    Map<String, Map<String, Integer>> confusion() {
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        for (Outcome o : outcomes) {
            table.computeIfAbsent(o.truth(), t -> new TreeMap<>())
                    .merge(o.predicted() == null ? "(left)" : o.predicted(), 1, Integer::sum);
        }
        return table;
    }
}
