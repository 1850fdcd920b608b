package io.jiesu.localcloud.scheduler;

import java.time.Instant;

/** A schedule group as created; {@code clientToken} makes a retried create answer with the same group. */
record ScheduleGroup(String name, String arn, Instant creationDate, String clientToken) {
}
