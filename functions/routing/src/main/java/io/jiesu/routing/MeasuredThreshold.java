package io.jiesu.routing;

/**
 * What a training measured on the centre's own history held out (docs/decisions/0005-learned-router.md, sixth
 * round): the lowest confidence at which the router's first choices were right at least {@code target} of the time,
 * their precision there, and the share of the held-out tickets they would have sent alone. When no confidence
 * reaches the target there is no threshold: that model proposes, and a dispatcher decides every ticket.
 *
 * @param target    the precision asked of automatic dispatch (jiesu.routing.target-precision)
 * @param threshold the lowest confidence that reached it; null when none did
 * @param precision the held-out precision at the threshold; null without one
 * @param automatic the share of the held-out tickets at or above the threshold; 0 without one
 * @param heldOut   how many tickets were held out (each once: five folds, or one fold of a large history)
 */
public record MeasuredThreshold(double target, Double threshold, Double precision, double automatic, int heldOut) {
    public MeasuredThreshold {
        if (!(target > 0 && target <= 1) || (threshold == null) != (precision == null) || heldOut < 1
                || !(automatic >= 0 && automatic <= 1) || (threshold == null && automatic != 0)) {
            throw new IllegalArgumentException("a measured threshold has a target in (0, 1], a threshold with its"
                    + " precision and a share in [0, 1] going out alone, or neither and none, and held-out tickets: "
                    + target + ", " + threshold + ", " + precision + ", " + automatic + ", " + heldOut);
        }
    }

    /** Whether some confidence reached the target on the held-out history. */
    public boolean reached() {
        return threshold != null;
    }
}
