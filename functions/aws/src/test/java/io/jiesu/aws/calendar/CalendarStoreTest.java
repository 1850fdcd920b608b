package io.jiesu.aws.calendar;

import io.jiesu.aws.Emulators;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Category;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.*;

/** A year's holiday list loaded at run time is stored, and later deadline computations use it. */
class CalendarStoreTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aLoadedYearsListMovesLaterDeadlines() {
        String table = Emulators.newTable();
        CalendarStore store = new CalendarStore(Emulators.dynamo(), table, Clock.systemUTC());
        Deadlines deadlines = new Deadlines(store::current, Policy.defaults());
        Instant dispatched = LocalDateTime.parse("2026-12-31T10:00").atZone(SHANGHAI).toInstant();
        // 2027 as a year whose notice is not out yet, whether or not its list is bundled
        store.load("""
                {"year":2027,"papers":[],"days":[]}""");
        assertFalse(store.current().hasListFor(2027));
        assertEquals(LocalDate.of(2027, 1, 1), due(deadlines, dispatched), "without a list, Friday 01-01 counts");

        store.load("""
                {"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""");
        assertTrue(store.current().hasListFor(2027));
        assertEquals(LocalDate.of(2027, 1, 4), due(deadlines, dispatched), "New Year's Day off: due on Monday");

        CalendarStore anotherProcess = new CalendarStore(Emulators.dynamo(), table, Clock.systemUTC());
        assertTrue(anotherProcess.current().hasListFor(2027), "stored, so every function sees it");
    }

    private static LocalDate due(Deadlines d, Instant dispatched) {
        return d.replyDue(Category.CONSULTATION, dispatched).atZone(SHANGHAI).toLocalDate();
    }
}
