package io.jiesu.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 2025: National Day and Mid-Autumn together, 1–8 October off, 28 September and 11 October worked. */
class NationalDay2025Test {

    private final WorkCalendar calendar = WorkCalendar.bundled();

    @Test
    void firstToEighthOfOctoberAreAllDaysOff() {
        for (int day = 1; day <= 8; day++) {
            assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, day)), "2025-10-0" + day);
        }
    }

    @Test
    void sunday28SeptemberAndSaturday11OctoberAreMakeUpWorkingDays() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 9, 28)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 10, 11)));
    }

    @Test
    void theNextWorkingDayAfter30SeptemberIsThursday9October() {
        assertEquals(LocalDate.of(2025, 10, 9), calendar.nextWorkingDay(LocalDate.of(2025, 9, 30)));
    }

    @Test
    void threeWorkingDaysAfter30SeptemberEndOnTheMakeUpSaturday11October() {
        assertEquals(LocalDate.of(2025, 10, 11), calendar.plusWorkingDays(LocalDate.of(2025, 9, 30), 3));
    }
}
