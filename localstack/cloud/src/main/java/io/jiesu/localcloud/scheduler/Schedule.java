package io.jiesu.localcloud.scheduler;

import java.time.Instant;
import java.util.Optional;

/** A stored schedule: its definition, and the next occurrence it has not fired yet. */
final class Schedule {
    final ScheduleKey key;
    final String arn;
    final ScheduleDefinition def;
    final Instant creationDate;
    final Instant lastModificationDate;
    final String clientToken;
    /** The next occurrence not yet fired; null when there is none. Guarded by the {@link ScheduleStore}'s lock. */
    Instant nextFire;

    /** A schedule as created or updated at {@code modified}; its occurrences start from then. */
    Schedule(ScheduleKey key, String arn, ScheduleDefinition def, Instant creationDate, Instant modified,
            String clientToken) {
        this.key = key;
        this.arn = arn;
        this.def = def;
        this.creationDate = creationDate;
        this.lastModificationDate = modified;
        this.clientToken = clientToken;
        Instant anchor = def.startDate() != null && !def.expression().oneTime() ? def.startDate() : modified;
        this.nextFire = withinEnd(def.expression().first(anchor)).orElse(null);
    }

    boolean enabled() {
        return def.state().equals("ENABLED");
    }

    Optional<Instant> following(Instant occurrence) {
        return withinEnd(def.expression().nextAfter(occurrence));
    }

    private Optional<Instant> withinEnd(Optional<Instant> occurrence) {
        if (def.expression().oneTime() || def.endDate() == null) {
            return occurrence;
        }
        return occurrence.filter(o -> o.isBefore(def.endDate()));
    }
}
