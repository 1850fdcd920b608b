package io.jiesu.routing;

/**
 * The classifier's settings beyond its kind, each chosen by cross-validation on the development set
 * (docs/decisions/0005-learned-router.md): none is tuned per deployment.
 *
 * @param cost        LIBLINEAR's cost C (how dearly a training ticket on the wrong side counts); 0 = the kind's own
 * @param balanced    every unit weighs as much as every other in training, however many tickets it has (a unit
 *                    with few tickets is otherwise drowned by the large ones)
 * @param temperature the softmax temperature that turns the SVM's margins into a confidence: below 1 the gap
 *                    between the first unit and the others counts more
 * @param idf         each feature scaled by its inverse document frequency in the history (Tribuo's
 *                    {@code IDFTransformation}): a character every ticket has says little
 */
public record Tuning(double cost, boolean balanced, double temperature, boolean idf) {
    /** LIBLINEAR's own costs, units as many as their tickets, margins as they are: the first router's settings. */
    public static final Tuning PLAIN = new Tuning(0, false, 1.0, false);

    /**
     * The settings chosen by the figures in docs/decisions/0005-learned-router.md: a higher cost (the development
     * set's tickets are few and each counts), units as many as their tickets, and a softmax four times sharper than
     * the margins, whose confidence orders tickets so that more go out alone at the same precision.
     */
    public static final Tuning CHOSEN = new Tuning(8, false, 0.25, false);

    public Tuning {
        if (cost < 0 || !(temperature > 0)) {
            throw new IllegalArgumentException("cost >= 0 and temperature > 0, not " + cost + ", " + temperature);
        }
    }

    public Tuning withCost(double c) {
        return new Tuning(c, balanced, temperature, idf);
    }

    public Tuning withBalanced(boolean b) {
        return new Tuning(cost, b, temperature, idf);
    }

    public Tuning withTemperature(double t) {
        return new Tuning(cost, balanced, t, idf);
    }

    public Tuning withIdf(boolean i) {
        return new Tuning(cost, balanced, temperature, i);
    }

    /** "C2,balanced,T0.5": how the evaluation names a tuning. */
    public String name() {
        return (cost == 0 ? "C default" : "C" + fmt(cost)) + (balanced ? ", balanced" : "") + (idf ? ", idf" : "")
                + (temperature == 1.0 ? "" : ", T" + fmt(temperature));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
