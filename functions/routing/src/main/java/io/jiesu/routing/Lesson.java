package io.jiesu.routing;

/**
 * Where a training example comes from, and so how much it weighs. Every dispatch is a lesson about where a kind
 * of request belongs; the ones a person decided against an earlier mistake say the most.
 */
public enum Lesson {
    /**
     * The router dispatched and the unit kept the ticket. Weighs least: it only confirms what the model already
     * believed, and a heavy weight would let the router teach itself its own habits.
     */
    ROUTER_KEPT(0.5),
    /** A dispatcher chose the unit (from the suggestions or not) and the unit kept the ticket. */
    HAND_KEPT(1.0),
    /**
     * The unit a ticket went to after another unit returned it: the return is evidence against the first unit,
     * and the correction is weighed double so that similar tickets move away from it.
     */
    AFTER_RETURN(2.0),
    /** The lead unit fixed in joint review (联合会商) when offices disputed it: the centre's last word. */
    JOINT_REVIEW(4.0);

    private final double weight;

    Lesson(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
