package io.jiesu.localcloud.scheduler;

import java.time.Instant;

/** One occurrence of a schedule, taken from the store to be delivered. */
record Firing(Schedule schedule, Instant occurrence) {
}
