package io.jiesu.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year whose State Council list is not out yet (each November's notice): here 2027, taken out of the bundled
 * calendar explicitly, so these checks hold whether or not the 2027 list ships.
 */
class YearWithoutListTest {

    private final WorkCalendar calendar = WorkCalendar.bundled().withYear(HolidayList.unpublished(2027));

    @Test
    void theBundledCalendarHasListsFor2024To2026AndNoneForAnUnpublishedYear() {
        assertTrue(calendar.hasListFor(2024));
        assertTrue(calendar.hasListFor(2025));
        assertTrue(calendar.hasListFor(2026));
        assertFalse(calendar.hasListFor(2027));
        assertFalse(calendar.hasListFor(2023));
    }

    @Test
    void newYearsDay2027CountsAsAWorkingDayBecauseOnlyMondayToFridayIsKnown() {
        // Friday 1 January 2027 will surely be a holiday, but no list says so yet.
        assertTrue(calendar.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2027, 1, 2)));
        assertEquals(LocalDate.of(2027, 1, 1), calendar.nextWorkingDay(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aRangeReaching2027WarnsOnceFor2027Only() {
        assertEquals(List.of("no holiday list for 2027: counting Monday–Friday only; "
                        + "load the State Council list for 2027"),
                calendar.warningsFor(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10)));
    }

    @Test
    void aRangeInsideListedYearsHasNoWarnings() {
        assertEquals(List.of(), calendar.warningsFor(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aCalendarWithNoListsAtAllFallsBackToMondayToFriday() {
        WorkCalendar bare = WorkCalendar.of(List.of());
        assertTrue(bare.isWorkingDay(LocalDate.of(2026, 2, 16)));
        assertFalse(bare.isWorkingDay(LocalDate.of(2026, 2, 14)));
        assertEquals(2, bare.warningsFor(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)).size());
    }
}
