package io.jiesu.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CountingWorkingDaysTest {

    private final WorkCalendar calendar = WorkCalendar.bundled();

    @Test
    void theStartDayIsNotCounted() {
        // Tuesday 2026-03-10 is a working day, yet one working day after it is Wednesday.
        assertEquals(LocalDate.of(2026, 3, 11), calendar.plusWorkingDays(LocalDate.of(2026, 3, 10), 1));
    }

    @Test
    void fifteenWorkingDaysFrom12February2026SkipSpringFestivalAndCountBothMakeUpSaturdays() {
        assertEquals(LocalDate.of(2026, 3, 11), calendar.plusWorkingDays(LocalDate.of(2026, 2, 12), 15));
    }

    @Test
    void nextWorkingDayIsStrictlyAfterEvenOnAWorkingDay() {
        assertEquals(LocalDate.of(2026, 3, 9), calendar.nextWorkingDay(LocalDate.of(2026, 3, 6)));
        assertEquals(LocalDate.of(2026, 2, 14), calendar.nextWorkingDay(LocalDate.of(2026, 2, 13)));
    }

    @Test
    void onOrNextWorkingDayKeepsAWorkingDayAndMovesADayOff() {
        assertEquals(LocalDate.of(2026, 3, 6), calendar.onOrNextWorkingDay(LocalDate.of(2026, 3, 6)));
        assertEquals(LocalDate.of(2026, 2, 24), calendar.onOrNextWorkingDay(LocalDate.of(2026, 2, 15)));
        assertEquals(LocalDate.of(2026, 10, 8), calendar.onOrNextWorkingDay(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void fewerThanOneWorkingDayIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calendar.plusWorkingDays(LocalDate.of(2026, 3, 10), 0));
        assertEquals("working days to add must be at least 1, was 0", e.getMessage());
    }
}
