package io.jiesu.core.digest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DigestKindTest {

    @Test
    void theWeeklyBulletinOfAMondayCoversTheIsoWeekBeforeWithEightWeeksOfTrend() {
        DigestKind.Period p = DigestKind.WEEKLY.period(LocalDate.of(2026, 3, 30));
        assertEquals(LocalDate.of(2026, 3, 23), p.from());
        assertEquals(LocalDate.of(2026, 3, 29), p.to());
        assertEquals("2026-W13", p.label());
        List<DigestKind.Period> trend = DigestKind.WEEKLY.trend(LocalDate.of(2026, 3, 30));
        assertEquals(8, trend.size());
        assertEquals(p, trend.get(7));
        assertEquals(LocalDate.of(2026, 2, 2), trend.get(0).from());
    }

    @Test
    void aWeekAcrossTheNewYearIsNamedByItsIsoYear() {
        DigestKind.Period p = DigestKind.WEEKLY.period(LocalDate.of(2027, 1, 4));
        assertEquals(LocalDate.of(2026, 12, 28), p.from());
        assertEquals("2026-W53", p.label());
    }

    @Test
    void theMonthlyRankingOfThe1stCoversTheMonthBeforeWithSixMonthsOfTrend() {
        DigestKind.Period p = DigestKind.MONTHLY.period(LocalDate.of(2026, 3, 1));
        assertEquals(LocalDate.of(2026, 2, 1), p.from());
        assertEquals(LocalDate.of(2026, 2, 28), p.to());
        assertEquals("2026-02", p.label());
        List<DigestKind.Period> trend = DigestKind.MONTHLY.trend(LocalDate.of(2026, 3, 1));
        assertEquals(List.of("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"),
                trend.stream().map(DigestKind.Period::label).toList());
    }

    @Test
    void theDailyListReportsTheMonthSoFarAndOnThe1stTheWholeMonthBefore() {
        DigestKind.Period mid = DigestKind.DAILY.period(LocalDate.of(2026, 3, 24));
        assertEquals(LocalDate.of(2026, 3, 1), mid.from());
        assertEquals(LocalDate.of(2026, 3, 23), mid.to());
        DigestKind.Period first = DigestKind.DAILY.period(LocalDate.of(2026, 4, 1));
        assertEquals(LocalDate.of(2026, 3, 1), first.from());
        assertEquals(LocalDate.of(2026, 3, 31), first.to());
        List<DigestKind.Period> trend = DigestKind.DAILY.trend(LocalDate.of(2026, 3, 24));
        assertEquals(7, trend.size());
        assertEquals(LocalDate.of(2026, 3, 23), trend.get(6).from());
        assertEquals(LocalDate.of(2026, 3, 17), trend.get(0).from());
    }

    @Test
    void theSchedulesAreAt0800AndAnUnknownKindIsRefusedNamingTheChoices() {
        assertEquals("cron(0 8 * * ? *)", DigestKind.DAILY.cron());
        assertEquals("cron(0 8 ? * MON *)", DigestKind.WEEKLY.cron());
        assertEquals("cron(0 8 1 * ? *)", DigestKind.MONTHLY.cron());
        assertEquals(DigestKind.WEEKLY, DigestKind.of("weekly"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DigestKind.of("hourly"));
        assertTrue(e.getMessage().contains("daily, weekly or monthly"));
    }
}
