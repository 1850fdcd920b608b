package io.jiesu.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A value read from the table at most once per period: reference data every ticket step consults. */
public final class Cached<T> {
    private final Duration ttl;
    private final Clock clock;
    private final Supplier<T> loader;
    private volatile T value;
    private volatile Instant loadedAt = Instant.MIN;

    public Cached(Duration ttl, Clock clock, Supplier<T> loader) {
        this.ttl = ttl;
        this.clock = clock;
        this.loader = loader;
    }

    public T get() {
        Instant now = clock.instant();
        if (value == null || now.isAfter(loadedAt.plus(ttl))) {
            value = loader.get();
            loadedAt = now;
        }
        return value;
    }

    /** This process knows the value changed (it wrote it): read it afresh next time. */
    public void invalidate() {
        loadedAt = Instant.MIN;
    }
}
