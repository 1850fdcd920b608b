package io.jiesu.core.digest;

import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class DigestMailTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Rates rates(long dispatched, long signedInTime, long replied, long inTime, long rated, long satisfied) {
        Map<Counter, Long> c = new EnumMap<>(Counter.class);
        c.put(Counter.DISPATCHED, dispatched);
        c.put(Counter.SIGNED_IN_TIME, signedInTime);
        c.put(Counter.REPLIED, replied);
        c.put(Counter.REPLIED_IN_TIME, inTime);
        c.put(Counter.RATED, rated);
        c.put(Counter.SATISFIED, satisfied);
        return Rates.of(c);
    }

    private static Digest monthly() {
        LocalDate day = LocalDate.of(2026, 4, 1);
        Rates heat = rates(10, 9, 10, 10, 10, 10);
        Rates water = rates(8, 4, 8, 6, 8, 5);
        Rates food = rates(2, 2, 2, 2, 2, 2);
        List<Ranking.Entry> ranking = new Ranking(5).rank(Map.of("heating-company", heat, "water-authority", water,
                "market-regulation", food), Set.of("water-authority"));
        Map<String, Ranking.Entry> byUnit = new java.util.HashMap<>();
        ranking.forEach(e -> byUnit.put(e.unitId(), e));
        List<DigestKind.Period> trend = DigestKind.MONTHLY.trend(day);
        Rates empty = Rates.of(Map.of());
        List<Rates> waterTrend = List.of(empty, empty, empty, empty, rates(8, 8, 8, 8, 8, 8), water);
        return new Digest(DigestKind.MONTHLY, day, DigestKind.MONTHLY.period(day), trend, List.of(
                new Digest.UnitPart("heating-company", "区热力集团", heat, List.of(empty, empty, empty, empty, empty, heat), byUnit.get("heating-company")),
                new Digest.UnitPart("water-authority", "区水务局 <b>", water, waterTrend, byUnit.get("water-authority")),
                new Digest.UnitPart("market-regulation", "区市场监督管理局", food, List.of(empty, empty, empty, empty, empty, food), byUnit.get("market-regulation"))),
                Rates.of(Rates.sum(List.of(heat.counts(), water.counts(), food.counts()))),
                List.of(empty, empty, empty, empty, empty, empty), List.of(), 5, null);
    }

    @Test
    void theMonthlyRankingListsUnitsInRankOrderFlagsTheBottomAndLeavesSmallUnitsUnranked() {
        DigestMail.Content mail = new DigestMail(SHANGHAI).render(monthly());
        assertEquals("[Jiesu 12345] 月排名 Monthly ranking 2026-03", mail.subject());
        String text = mail.text();
        int heat = text.indexOf("#1  区热力集团");
        int water = text.indexOf("#2  区水务局");
        assertTrue(heat > 0 && water > heat, text);
        assertTrue(text.contains("BOTTOM two months running"), "water was bottom the month before too");
        assertTrue(text.matches("(?s).*-\\s+区市场监督管理局.*"), "too few dispatched: listed, not ranked");
        // rates with the counts behind them, and the trend as a sparkline with the change in points
        assertTrue(text.contains("响应率") && text.contains("50.0%") && text.contains("(4/8)"), text);
        assertTrue(text.contains("▼50.0"), "response fell from 8/8 to 4/8: " + text);
    }

    @Test
    void theHtmlDrawsBarsWithTableCellsAndEscapesNames() {
        String html = new DigestMail(SHANGHAI).render(monthly()).html();
        assertTrue(html.contains("<td width=\"50%\" height=\"12\" bgcolor=\"#c62828\"></td>"), "a red half bar for 50 %");
        assertTrue(html.contains("<td width=\"100%\" height=\"12\" bgcolor=\"#2e7d32\"></td>"), "a full green bar");
        assertTrue(html.contains("区水务局 &lt;b&gt;"), "names are escaped");
        assertFalse(html.contains("<img") || html.contains("<script") || html.contains("class="),
                "nothing a mail client blocks or strips");
    }

    @Test
    void aUnitHeadsPartHasOnlyTheirUnitBesideAllUnits() {
        Digest part = monthly().forUnit("water-authority");
        DigestMail.Content mail = new DigestMail(SHANGHAI).render(part);
        assertTrue(mail.subject().endsWith("— 区水务局 <b>"));
        assertFalse(mail.text().contains("区热力集团"), "no other unit's lines");
        assertTrue(mail.text().contains("All units"));
    }

    @Test
    void theDailyListNamesTicketsByIdUnitAndCategoryWithHowLateTheyAre() {
        LocalDate day = LocalDate.of(2026, 3, 24);
        Rates empty = Rates.of(Map.of());
        List<DigestKind.Period> trend = DigestKind.DAILY.trend(day);
        Digest daily = new Digest(DigestKind.DAILY, day, DigestKind.DAILY.period(day), trend, List.of(),
                empty, trend.stream().map(p -> empty).toList(), List.of(
                new Digest.OverdueTicket("T-1", "heating-company", "complaint", "reply",
                        Instant.parse("2026-03-23T09:30:00Z"), true, 1, 1, false),
                new Digest.OverdueTicket("T-2", "water-authority", "help_request", "reply",
                        Instant.parse("2026-03-24T09:30:00Z"), false, 0, 0, true)), 5, null);
        DigestMail.Content mail = new DigestMail(SHANGHAI).render(daily);
        assertEquals("[Jiesu 12345] 每日超期工单 Daily overdue list 2026-03-24: 1 overdue, 1 due today", mail.subject());
        assertTrue(mail.text().contains("T-1") && mail.text().contains("03-23 17:30") && mail.text().contains("1 working day(s) late"), mail.text());
        assertTrue(mail.text().contains("T-2") && mail.text().contains("due today"));
        assertTrue(mail.html().contains("T-2 (省)"), "provincial tickets are marked");
    }
}
