package io.jiesu.core.rates;

import java.time.LocalDate;

/** One unit's counters for one day. */
public record CounterKey(String unitId, LocalDate day) {
}
