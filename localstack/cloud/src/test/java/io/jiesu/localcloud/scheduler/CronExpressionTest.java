package io.jiesu.localcloud.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The next {@code count} occurrences after {@code from}, as ISO strings. */
    private static List<String> occurrences(String fields, ZoneId zone, String from, int count) {
        CronExpression cron = CronExpression.parse(fields, zone);
        List<String> out = new ArrayList<>();
        Instant t = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            Optional<Instant> next = cron.nextAfter(t);
            if (next.isEmpty()) {
                break;
            }
            t = next.get();
            out.add(t.toString());
        }
        return out;
    }

    @Test
    void weekdayMorningsInShanghaiAreEightOClockLocalMondayToFridayOnly() {
        // 2026-03-01 is a Sunday; 08:00 in Shanghai is 00:00 UTC.
        List<String> expected = List.of("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "2026-03-04T00:00:00Z",
                "2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z", "2026-03-09T00:00:00Z");
        assertEquals(expected, occurrences("0 8 ? * MON-FRI *", SHANGHAI, "2026-03-01T12:00:00Z", 6));
        assertEquals(expected, occurrences("0 8 ? * mon-fri *", SHANGHAI, "2026-03-01T12:00:00Z", 6));
        assertEquals(expected, occurrences("0 8 ? * 2-6 *", SHANGHAI, "2026-03-01T12:00:00Z", 6), "1 is Sunday");
    }

    @Test
    void nextAfterIsStrictlyAfterItsArgument() {
        CronExpression cron = CronExpression.parse("0 8 ? * MON-FRI *", SHANGHAI);
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), cron.nextAfter(Instant.parse("2026-03-01T23:59:59.999Z"))
                .orElseThrow());
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), cron.nextAfter(Instant.parse("2026-03-02T00:00:00Z"))
                .orElseThrow());
    }

    @Test
    void lastDayOfMonthFollowsMonthLengthsAndLeapYears() {
        assertEquals(List.of("2026-01-31T23:30:00Z", "2026-02-28T23:30:00Z", "2026-03-31T23:30:00Z"),
                occurrences("30 23 L * ? *", ZoneOffset.UTC, "2026-01-15T00:00:00Z", 3));
        assertEquals(List.of("2028-02-29T23:30:00Z"),
                occurrences("30 23 L 2 ? 2028", ZoneOffset.UTC, "2026-01-15T00:00:00Z", 3));
    }

    @Test
    void lastAndNthWeekdayOfTheMonth() {
        assertEquals(List.of("2026-01-30T10:15:00Z", "2026-02-27T10:15:00Z"),
                occurrences("15 10 ? * 6L 2026", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 2));
        assertEquals(List.of("2026-03-02T09:00:00Z", "2026-04-06T09:00:00Z"),
                occurrences("0 9 ? * 2#1 *", ZoneOffset.UTC, "2026-03-01T00:00:00Z", 2));
    }

    @Test
    void stepsRangesListsAndMonthNames() {
        assertEquals(List.of("2026-03-01T10:20:00Z", "2026-03-01T10:40:00Z", "2026-03-01T11:00:00Z"),
                occurrences("*/20 * ? * * *", ZoneOffset.UTC, "2026-03-01T10:05:00Z", 3));
        assertEquals(List.of("2026-03-01T10:05:00Z", "2026-03-01T10:20:00Z", "2026-03-01T10:35:00Z",
                        "2026-03-01T10:50:00Z", "2026-03-01T11:05:00Z"),
                occurrences("5/15 * * * ? *", ZoneOffset.UTC, "2026-03-01T10:00:00Z", 5));
        assertEquals(List.of("2026-03-01T10:10:00Z", "2026-03-01T10:15:00Z", "2026-03-01T10:20:00Z",
                        "2026-03-01T11:10:00Z"),
                occurrences("10-20/5 10,11 * * ? *", ZoneOffset.UTC, "2026-03-01T10:00:00Z", 4));
        assertEquals(List.of("2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z"),
                occurrences("0 0 1 JAN,jul ? *", ZoneOffset.UTC, "2026-03-01T00:00:00Z", 3));
    }

    @Test
    void theYearFieldEndsTheSeriesAndImpossibleDatesNeverOccur() {
        assertEquals(List.of("2027-01-01T00:00:00Z"),
                occurrences("0 0 1 1 ? 2027", ZoneOffset.UTC, "2026-06-01T00:00:00Z", 5));
        assertTrue(CronExpression.parse("0 0 31 2 ? *", ZoneOffset.UTC)
                .nextAfter(Instant.parse("2026-01-01T00:00:00Z")).isEmpty());
    }

    @Test
    void aWallTimeSkippedBySpringForwardDoesNotOccurThatDay() {
        // New York springs forward on 2026-03-08 from 02:00 to 03:00: 02:30 does not exist that day.
        assertEquals(List.of("2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z"),
                occurrences("30 2 * * ? *", NEW_YORK, "2026-03-07T00:00:00Z", 2));
    }

    @Test
    void aWallTimeRepeatedByFallBackOccursOnceAtItsFirstPass() {
        // New York falls back on 2026-11-01 from 02:00 EDT to 01:00 EST: 01:30 happens twice, at 05:30Z and 06:30Z.
        assertEquals(List.of("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"),
                occurrences("30 1 * * ? *", NEW_YORK, "2026-10-31T12:00:00Z", 2));
        // Starting inside the second pass, the repeated wall time is not fired again.
        assertEquals(List.of("2026-11-02T06:30:00Z"),
                occurrences("30 1 * * ? *", NEW_YORK, "2026-11-01T06:10:00Z", 1));
    }

    @Test
    void malformedOrUnsupportedFieldsAreRefused() {
        for (String fields : List.of(
                "0 8 * * * *",          // * in both day fields
                "0 8 ? * ? *",          // ? in both
                "0 8 1 * MON *",        // neither is ?
                "0 8 ? * MON-FRI",      // five fields
                "0 8 ? * MON-FRI * *",  // seven fields
                "60 8 ? * * *",         // minute out of range
                "0 24 ? * * *",         // hour out of range
                "0 8 0 * ? *",          // day-of-month out of range
                "0 8 ? * 8 *",          // day-of-week out of range
                "0 8 ? 13 * *",         // month out of range
                "0 8 ? * * 1969",       // year out of range
                "0 8 ? FOO * *",        // unknown name
                "0 8 ? * FRI-MON *",    // backwards range
                "0 8 15W * ? *",        // W is not emulated
                "0 8 LW * ? *",
                "0 8 L-2 * ? *",
                "0 8 ? * 2#1,3#2 *",    // # must stand alone
                "*/0 8 ? * * *",        // zero increment
                "0 8 ? * 1,,2 *",
                "")) {
            assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(fields, ZoneOffset.UTC), fields);
        }
    }
}
