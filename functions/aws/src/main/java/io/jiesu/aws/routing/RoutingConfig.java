package io.jiesu.aws.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The learned router's settings (docs/decisions/0005-learned-router.md). */
@ConfigMapping(prefix = "jiesu.routing")
public interface RoutingConfig {
    /**
     * The lowest confidence at or above which the router dispatches without a person. Each training raises it for
     * its model to what the centre's own history, held out, needs for {@link #targetPrecision()}
     * (docs/decisions/0005-learned-router.md, sixth round); a model stored before trainings measured uses it as it
     * is. On the development set 0.75 dispatches 69 % ± 1 % alone at precision 0.967 ± 0.005 over 5 seeds × 5 and
     * 10 folds (char1-3 SVM, C 8, each catalogue keyword a lesson, a subject line counted eight times, confidence =
     * the lead over the runner-up at temperature 0.5; docs/decisions/0005-learned-router.md, seventh round), where a
     * training measures 0.66: the floor keeps a margin.
     */
    @WithDefault("0.75")
    double threshold();

    /**
     * The precision asked of the router's own dispatches: each training finds, on the history held out, the lowest
     * confidence at which its first choices were right this often, and its model dispatches alone only from there.
     */
    @WithDefault("0.95")
    double targetPrecision();

    /** How often the dispatch function checks whether a newer model is in force (one small read). */
    @WithDefault("PT5M")
    Duration recheck();

    /** Fewer lessons than this in the history and no model is trained (the answer says so). */
    @WithDefault("20")
    int minimumExamples();
}
