package io.jiesu.routing.eval;

import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.routing.MeasuredThreshold;
import io.jiesu.routing.RouterModel;
import io.jiesu.routing.RouterTrainer;
import io.jiesu.routing.RoutingExample;

import java.util.ArrayList;
import java.util.List;

/**
 * A training measures its own threshold (docs/decisions/0005-learned-router.md, sixth round): the history is
 * held out a fold at a time, stratified with the trainer's seed, each fold's router trained as the model in force is
 * (the settings for the whole history's size with the catalogue's lessons, which stand beside each fold), and the held-out tickets' first
 * choices give the lowest confidence at which they were right at least {@code target} of the time, as the evaluation
 * command finds it, among those at which at least {@link #LEAST_DISPATCHED} of them went out alone. A small history
 * holds every ticket out once (five folds); from {@link #ONE_FOLD_FROM} tickets one fold, a fifth of the history
 * (a thousand tickets or more), measures as well and costs one training more instead of five.
 */
public final class ThresholdMeasurement {
    static final int FOLDS = 5;
    /** Tickets of history (the catalogue's lessons not counted) from which one held-out fold is enough. */
    static final int ONE_FOLD_FROM = 5_000;
    /** The precision a centre asks of automatic dispatch unless it sets jiesu.routing.target-precision. */
    public static final double TARGET_PRECISION = 0.95;
    /**
     * A threshold counts only where at least this many held-out tickets would have gone out alone: below it one wrong
     * dispatch moves the precision by more than 0.05 (the gap between the default target and 1), and a threshold met
     * by one or two lucky tickets would send the next ones out unchecked.
     */
    public static final int LEAST_DISPATCHED = 20;

    private ThresholdMeasurement() {
    }

    public static MeasuredThreshold measure(RouterTrainer trainer, List<RoutingExample> history,
                                            RoutingCatalogue catalogue, double target) {
        // the folds train on four fifths of the history, but must be the classifier the whole history gets
        RouterTrainer asInForce = trainer.forLessons(RouterTrainer.withCatalogue(history, catalogue).size());
        int[] fold = CrossValidation.folds(history, FOLDS, trainer.seed());
        int rounds = history.size() >= ONE_FOLD_FROM ? 1 : FOLDS;
        List<Outcome> outcomes = new ArrayList<>();
        for (int f = 0; f < rounds; f++) {
            List<RoutingExample> train = new ArrayList<>();
            List<RoutingExample> test = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                (fold[i] == f ? test : train).add(history.get(i));
            }
            if (train.stream().map(RoutingExample::unit).distinct().count() < 2) {
                // a unit with a ticket or two leaves a fold with one unit to learn: no router, its tickets left
                test.forEach(e -> outcomes.add(Outcome.of(e, List.of())));
                continue;
            }
            RouterModel model = asInForce.train(train, catalogue);
            test.forEach(e -> outcomes.add(Outcome.of(e, model.suggest(e.ticket()))));
        }
        Scores.AtThreshold at = new Scores(outcomes).lowestWithPrecision(target, LEAST_DISPATCHED);
        return at == null ? new MeasuredThreshold(target, null, null, 0, outcomes.size())
                : new MeasuredThreshold(target, at.threshold(), at.precision(), at.coverage(), outcomes.size());
    }
}
