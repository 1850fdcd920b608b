package io.jiesu.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MakeUpWorkingDayTest {

    private final WorkCalendar calendar = WorkCalendar.bundled();

    @Test
    void theSpringFestivalMakeUpSaturdaysOf2026AreWorkingDays() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 28)));
    }

    @Test
    void theMakeUpSundayAfterNewYear2026IsAWorkingDay() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 1, 4)));
    }

    @Test
    void anOrdinaryWeekendIsNotAWorkingDay() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 7)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 8)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 3, 7)));
    }

    @Test
    void springFestivalWeekdaysOffAreNotWorkingDaysButTheDayAfterIs() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 16)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 23)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 24)));
    }
}
