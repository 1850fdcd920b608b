package io.jiesu.core.deadline;

import java.time.Instant;

/** A ticket's next deadline: what falls due, and when. */
public record Timer(TimerKind kind, Instant at) {
}
