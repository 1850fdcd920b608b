package io.jiesu.api.health;

import io.jiesu.aws.calendar.CalendarStore;
import io.jiesu.core.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Says whether the working-day calendar has the State Council's list for this year and the next (deadlines
 * set today can run into next year). Without one the service still works, counting Monday–Friday, so this
 * stays UP and carries the warning for whoever must load the list.
 */
@Readiness
@ApplicationScoped
public class CalendarHealthCheck implements HealthCheck {
    @Inject
    CalendarStore calendars;
    @Inject
    Policy policy;
    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        HealthCheckResponseBuilder b = HealthCheckResponse.named("working-day calendar").up();
        var warnings = calendars.current().warningsFor(today.withDayOfYear(1), today.plusYears(1).withDayOfYear(1));
        for (int i = 0; i < warnings.size(); i++) {
            b.withData("warning" + (i + 1), warnings.get(i));
        }
        return b.withData("holidayListsLoaded", !warnings.isEmpty() ? "incomplete" : "complete").build();
    }
}
