package io.jiesu.routing;

/**
 * The classifier's settings beyond its kind, each chosen by cross-validation on the development set
 * (docs/decisions/0005-learned-router.md): none is tuned per deployment.
 *
 * @param cost        LIBLINEAR's cost C (how dearly a training ticket on the wrong side counts); 0 = the kind's own
 * @param balanced    every unit weighs as much as every other in training, however many tickets it has (a unit
 *                    with few tickets is otherwise drowned by the large ones)
 * @param temperature the temperature of the softmax that turns margins (or the lead over the runner-up) into a confidence: below 1 the gap
 *                    between the first unit and the others counts more
 * @param idf         each feature scaled by its inverse document frequency in the history (Tribuo's
 *                    {@code IDFTransformation}): a character every ticket has says little
 * @param confidence  how the margins become a confidence: over all units, or the first against the runner-up
 */
public record Tuning(double cost, boolean balanced, double temperature, boolean idf, Confidence confidence) {
    /** LIBLINEAR's own costs, units as many as their tickets, margins as they are: the first router's settings. */
    public static final Tuning PLAIN = new Tuning(0, false, 1.0, false, Confidence.SOFTMAX);

    /**
     * The settings chosen by the figures in docs/decisions/0005-learned-router.md: a higher cost (the development
     * set's tickets are few and each counts), units as many as their tickets, and a confidence that is the first
     * unit's lead over the runner-up (fourth round: more tickets go out alone at the same precision, better on 8 of
     * the 10 seeds and fold counts tried and worse on 1, and its scale does not move with the number of units), at temperature 0.5 so
     * that the thresholds worth choosing are spread over 0.7-0.9 rather than crowded below 1.
     */
    public static final Tuning CHOSEN = new Tuning(8, false, 0.5, false, Confidence.RUNNER_UP);

    public Tuning {
        if (cost < 0 || !(temperature > 0) || confidence == null) {
            throw new IllegalArgumentException("cost >= 0, temperature > 0 and a confidence, not " + cost + ", "
                    + temperature + ", " + confidence);
        }
    }

    public Tuning withCost(double c) {
        return new Tuning(c, balanced, temperature, idf, confidence);
    }

    public Tuning withBalanced(boolean b) {
        return new Tuning(cost, b, temperature, idf, confidence);
    }

    public Tuning withTemperature(double t) {
        return new Tuning(cost, balanced, t, idf, confidence);
    }

    public Tuning withIdf(boolean i) {
        return new Tuning(cost, balanced, temperature, i, confidence);
    }

    public Tuning withConfidence(Confidence c) {
        return new Tuning(cost, balanced, temperature, idf, c);
    }

    /** "C8, T0.5, runner_up": how the evaluation names a tuning. */
    public String name() {
        return (cost == 0 ? "C default" : "C" + fmt(cost)) + (balanced ? ", balanced" : "") + (idf ? ", idf" : "")
                + (temperature == 1.0 ? "" : ", T" + fmt(temperature))
                + (confidence == Confidence.SOFTMAX ? "" : ", " + confidence.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
