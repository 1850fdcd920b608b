package io.jiesu.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A year's list is loaded at run time, without a release. */
class LoadingANewYearTest {

    /** the bundled lists, with 2027 not yet published (whether or not its list ships) */
    private final WorkCalendar bundled = WorkCalendar.bundled().withYear(HolidayList.unpublished(2027));
    private final HolidayList newYear2027 = new HolidayList(2027,
            Map.of(LocalDate.of(2027, 1, 1), true), List.of("https://example.gov.cn/2027"));

    @Test
    void aLoaded2027ListIsUsedByLaterCalculations() {
        WorkCalendar updated = bundled.withYear(newYear2027);
        assertFalse(updated.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2027, 1, 4), updated.nextWorkingDay(LocalDate.of(2026, 12, 31)));
        assertTrue(updated.hasListFor(2027));
        assertEquals(List.of(), updated.warningsFor(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
    }

    @Test
    void theOriginalCalendarIsUnchanged() {
        bundled.withYear(newYear2027);
        assertTrue(bundled.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertFalse(bundled.hasListFor(2027));
    }

    @Test
    void withYearReplacesTheWholeListOfThatYear() {
        // Replacing 2026 with an empty list drops Spring Festival and the make-up Saturday alike.
        WorkCalendar updated = bundled.withYear(HolidayList.unpublished(2026));
        assertTrue(updated.isWorkingDay(LocalDate.of(2026, 2, 16)));
        assertFalse(updated.isWorkingDay(LocalDate.of(2026, 2, 14)));
        assertEquals(LocalDate.of(2026, 3, 5), updated.plusWorkingDays(LocalDate.of(2026, 2, 12), 15));
        assertFalse(updated.hasListFor(2026));
    }

    @Test
    void aDayOfTheYearBeforeNamedInANewListCountsToo() {
        // Holiday notices sometimes start a New Year holiday on 31 December of the year before.
        HolidayList list2028 = new HolidayList(2028, Map.of(LocalDate.of(2027, 12, 31), true), List.of());
        WorkCalendar updated = bundled.withYear(list2028);
        assertFalse(updated.isWorkingDay(LocalDate.of(2027, 12, 31)));
        assertTrue(bundled.isWorkingDay(LocalDate.of(2027, 12, 31)));
    }

    @Test
    void twoListsForOneYearAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkCalendar.of(List.of(newYear2027, HolidayList.unpublished(2027))));
        assertEquals("two holiday lists for 2027", e.getMessage());
    }
}
