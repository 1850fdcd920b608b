package io.jiesu.routing;

import java.util.Map;

/**
 * How an SVM's margins (one per unit, not probabilities) become the confidence shown with each suggestion and
 * compared with the deployment's threshold (docs/decisions/0005-learned-router.md, fourth round).
 */
public enum Confidence {
    /** softmax(margins / temperature) over all units: the first routers' (and every model stored without a name). */
    SOFTMAX {
        @Override
        public void apply(Map<String, Double> margins, double temperature) {
            double max = margins.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double sum = margins.values().stream().mapToDouble(s -> Math.exp((s - max) / temperature)).sum();
            margins.replaceAll((k, s) -> Math.exp((s - max) / temperature) / sum);
        }
    },
    /**
     * Each unit against its strongest rival: the two-unit softmax of (its margin − the best other unit's margin) /
     * temperature. For the first unit that is its lead over the runner-up. A dispatch is in doubt between the first
     * two units, not among the units far behind: the full softmax lets every trailing unit take a share, so its
     * scale moves with how many units a centre has (7 here, 40 in a city) and with noise in margins that decide
     * nothing. Same order of units as the softmax; above 0.5 only for the first.
     */
    RUNNER_UP {
        @Override
        public void apply(Map<String, Double> margins, double temperature) {
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (double m : margins.values()) {
                if (m > first) {
                    second = first;
                    first = m;
                } else if (m > second) {
                    second = m;
                }
            }
            double best = first;
            double rival = second;
            margins.replaceAll((k, m) -> {
                // the first unit's rival is the runner-up; every other unit's is the first
                double lead = m - (m == best ? rival : best);
                return margins.size() == 1 ? 1.0 : 1 / (1 + Math.exp(-lead / temperature));
            });
        }
    };

    /** Replaces every unit's margin by its confidence, in place. */
    public abstract void apply(Map<String, Double> margins, double temperature);

    /** The confidence a stored model names, {@link #SOFTMAX} for models stored before the name was kept. */
    static Confidence named(Object name) {
        return name == null ? SOFTMAX : valueOf(name.toString());
    }
}
