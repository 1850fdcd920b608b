package io.jiesu.stages.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How a notice the province did not take is tried again: {@code jiesu.notify.first-retry} after the first failure,
 * doubling up to {@code jiesu.notify.longest-retry}.
 */
@ConfigMapping(prefix = "jiesu.notify")
public interface NotifyRetries {
    @WithDefault("PT10S")
    Duration firstRetry();

    @WithDefault("PT2H")
    Duration longestRetry();

    /** 10 s, 20 s, 40 s ... doubling up to the longest, after the given number of tries. */
    default Duration after(int tries) {
        Duration d = firstRetry().multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 20));
        return d.compareTo(longestRetry()) > 0 ? longestRetry() : d;
    }
}
