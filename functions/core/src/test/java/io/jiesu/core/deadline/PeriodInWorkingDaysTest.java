package io.jiesu.core.deadline;

import io.jiesu.core.calendar.HolidayList;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.policy.Policy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.jiesu.core.deadline.ShanghaiTime.at;
import static io.jiesu.core.deadline.ShanghaiTime.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Civil Code arts. 201–203 on the working-day calendar. */
class PeriodInWorkingDaysTest {

    /** the bundled lists, with 2027 not yet published (whether or not its list ships) */
    private final WorkCalendar calendar = WorkCalendar.bundled().withYear(HolidayList.unpublished(2027));
    private final Deadlines deadlines = new Deadlines(calendar, Policy.defaults());

    @Test
    void oneWorkingDayFromAWorkingMorningEndsAtCloseOfBusinessTheNextWorkingDay() {
        assertEquals("2026-03-11T17:30+08:00", show(deadlines.endOfWorkingDays(at("2026-03-10T08:00"), 1)));
    }

    @Test
    void aPeriodReachingAnUnlistedYearCountsMondayToFriday() {
        // 2027-01-01 is a Friday and the calendar has no 2027 list
        assertEquals("2027-01-01T17:30+08:00", show(deadlines.endOfWorkingDays(at("2026-12-31T09:00"), 1)));
    }

    @Test
    void aPeriodUsesAYearListLoadedLater() {
        Deadlines updated = new Deadlines(
                calendar.withYear(new HolidayList(2027, Map.of(LocalDate.of(2027, 1, 1), true), List.of())),
                Policy.defaults());
        assertEquals("2027-01-04T17:30+08:00", show(updated.endOfWorkingDays(at("2026-12-31T09:00"), 1)));
    }

    @Test
    void aPeriodOfNoDaysIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> deadlines.endOfWorkingDays(at("2026-03-10T08:00"), 0));
    }
}
