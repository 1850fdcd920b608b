package io.jiesu.core.deadline;

import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.policy.Policy;
import org.junit.jupiter.api.Test;
import java.time.Duration;

import static io.jiesu.core.deadline.ShanghaiTime.at;
import static io.jiesu.core.deadline.ShanghaiTime.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign and return windows are clock hours: they run on through evenings and holidays. */
class HourWindowsTest {

    private final Deadlines deadlines = new Deadlines(WorkCalendar.bundled(), Policy.defaults());

    @Test
    void aUnitMustSignWithinTwoClockHoursEvenPastCloseOfBusiness() {
        assertEquals("2026-02-13T18:30+08:00", show(deadlines.signDue(at("2026-02-13T16:30"))));
    }

    @Test
    void aUnitMustReturnWithinTwentyFourClockHoursOfSigningEvenIntoTheSpringFestival() {
        assertEquals("2026-02-15T17:00+08:00", show(deadlines.returnDue(at("2026-02-14T17:00"))));
    }

    @Test
    void aDeploymentsSignWindowIsUsed() {
        Deadlines fourHours = new Deadlines(WorkCalendar.bundled(),
                Policy.defaults().overrides().signWindow(Duration.ofHours(4)).apply());
        assertEquals("2026-02-13T20:30+08:00", show(fourHours.signDue(at("2026-02-13T16:30"))));
    }

    @Test
    void aDeploymentsReturnWindowIsUsed() {
        Deadlines twelveHours = new Deadlines(WorkCalendar.bundled(),
                Policy.defaults().overrides().returnWindow(Duration.ofHours(12)).apply());
        assertEquals("2026-02-15T05:00+08:00", show(twelveHours.returnDue(at("2026-02-14T17:00"))));
    }
}
