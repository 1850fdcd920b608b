package io.jiesu.routing.eval;

/** One held-out ticket: the unit it belonged to, the model's first choice and its confidence (0 when none). */
record Outcome(String truth, String predicted, double confidence) {
    boolean right() {
        return truth.equals(predicted);
    }
}
