package io.jiesu.aws.timers;

import io.jiesu.core.deadline.Timer;
import io.jiesu.core.deadline.TimerKind;

import java.time.Instant;

/** What a ticket's schedule delivers when it fires: the timer, and the ticket version it was set at. */
public record DeadlineMessage(String ticketId, long version, TimerKind kind, Instant at) {
    public Timer timer() {
        return new Timer(kind, at);
    }
}
