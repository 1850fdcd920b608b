package io.jiesu.aws.rates;

import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.CounterKey;

import java.time.LocalDate;
import java.util.Map;

/** Each unit's counters per day, from which the rates are computed; transitions count as they are stored. */
public interface Counters {

    /** A unit's counters for each day from..to (inclusive). */
    Map<LocalDate, Map<Counter, Long>> counters(String unitId, LocalDate from, LocalDate to);

    /**
     * Adds to one shard of a unit's counters for a day outside any transition: for loading counters in bulk
     * (benchmarks, a migration). Transitions count as they are stored, never through this.
     */
    void addCounters(CounterKey key, int shard, Map<Counter, Long> deltas);
}
