package io.jiesu.routing;

import java.util.Objects;

/** One lesson from the history: this ticket belonged to this unit, weighed by how it was decided. */
public record RoutingExample(TicketText ticket, String unit, double weight) {
    public RoutingExample {
        Objects.requireNonNull(ticket, "ticket");
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("an example needs the unit the ticket belonged to");
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("an example's weight must be positive, was " + weight);
        }
    }

    public static RoutingExample of(TicketText ticket, String unit, Lesson lesson) {
        return new RoutingExample(ticket, unit, lesson.weight());
    }

    public static RoutingExample of(TicketText ticket, String unit) {
        return of(ticket, unit, Lesson.HAND_KEPT);
    }
}
