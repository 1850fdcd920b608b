package io.jiesu.core.digest;

import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.ticket.Category;
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
                new Digest.OverdueTicket("T-1", "heating-company", "区热力集团", Category.COMPLAINT, "reply",
                        Instant.parse("2026-03-23T09:30:00Z"), true, 1, 1, false),
                new Digest.OverdueTicket("T-2", "water-authority", "区水务局", Category.HELP_REQUEST, "reply",
                        Instant.parse("2026-03-24T09:30:00Z"), false, 0, 0, true)), 5, null);
        DigestMail.Content mail = new DigestMail(SHANGHAI).render(daily);
        assertEquals("[Jiesu 12345] 每日超期工单 Daily overdue list 2026-03-24: 超期 1 overdue, 今日到期 1 due today", mail.subject());
        assertTrue(mail.text().contains("T-1") && mail.text().contains("03-23 17:30") && mail.text().contains("1 working day(s) late"), mail.text());
        assertTrue(mail.text().contains("T-2") && mail.text().contains("due today"));
        assertTrue(mail.html().contains("T-2 (省)"), "provincial tickets are marked");
    }

    /** A Chinese supervisor reads it without a dictionary: names, not ids; Chinese labels; dates with the year. */
    @Test
    void theDailyListNamesUnitsByNameAndCategoriesAndStepsInChineseWithTheYearInDates() {
        LocalDate day = LocalDate.of(2026, 1, 5);
        Rates empty = Rates.of(Map.of());
        List<DigestKind.Period> trend = DigestKind.DAILY.trend(day);
        Digest daily = new Digest(DigestKind.DAILY, day, DigestKind.DAILY.period(day), trend, List.of(),
                empty, trend.stream().map(p -> empty).toList(), List.of(
                new Digest.OverdueTicket("T-1", "heating-company", "区热力集团", Category.COMPLAINT, "reply",
                        Instant.parse("2025-12-31T09:30:00Z"), true, 2, 2, false),
                new Digest.OverdueTicket("T-2", "water-authority", "区水务局", Category.HELP_REQUEST, "sign",
                        Instant.parse("2026-01-05T02:00:00Z"), true, 1, 0, false),
                new Digest.OverdueTicket("T-3", "dispatch-pool", "12345热线派单 hotline centre", Category.REPORT, "dispatch",
                        Instant.parse("2026-01-05T02:00:00Z"), true, 1, 0, false),
                new Digest.OverdueTicket("T-4", "water-authority", "区水务局", Category.CONSULTATION, "reply",
                        Instant.parse("2026-01-05T09:30:00Z"), false, 0, 0, false),
                new Digest.OverdueTicket("T-5", "water-authority", "区水务局", Category.SUGGESTION, "reply",
                        Instant.parse("2026-01-05T09:30:00Z"), false, 0, 0, false)), 5, null);
        DigestMail.Content mail = new DigestMail(SHANGHAI).render(daily);
        for (String part : new String[]{mail.text(), mail.html()}) {
            assertTrue(part.contains("区热力集团") && part.contains("区水务局") && part.contains("12345热线派单"), part);
            assertFalse(part.contains("heating-company") || part.contains("water-authority") || part.contains("dispatch-pool"),
                    "units by their names, not their ids: " + part);
            for (String label : List.of("投诉", "求助", "举报", "咨询", "意见建议", "待答复", "待签收", "待派单", "今日到期", "超期 2 个工作日")) {
                assertTrue(part.contains(label), label + " in " + part);
            }
            assertFalse(part.contains("complaint") || part.contains("help_request"), "categories in Chinese: " + part);
            assertTrue(part.contains("2025-12-31 17:30"), "a deadline of last year, with its year: " + part);
            assertTrue(part.contains("发函督办"), "escalation level 2 by its step's name");
        }
        assertTrue(mail.text().contains("统计期 Period: 2026-01-01 至 2026-01-04"), mail.text());
        assertTrue(mail.text().contains("2025-12-29, 2025-12-30"), "the daily trend's days with their year: " + mail.text());
    }

    /** "2 replied (3 overdue)" read as 3 of 2: each count stands alone with its own word. */
    @Test
    void theHeadlineCannotReadOverdueAsAPartOfTheReplies() {
        Map<Counter, Long> c = new EnumMap<>(Counter.class);
        c.put(Counter.DISPATCHED, 5L);
        c.put(Counter.REPLIED, 2L);
        c.put(Counter.OVERDUE, 3L);
        c.put(Counter.DUE, 4L);
        c.put(Counter.CLOSED, 1L);
        String headline = DigestMail.headline(Rates.of(c));
        assertFalse(headline.contains("replied (") || headline.matches(".*\\d+ replied \\(\\d+ overdue\\).*"), headline);
        assertTrue(headline.contains("答复 2 replied;"), headline);
        assertTrue(headline.contains("超期未答复 3 passed their reply deadline unreplied"), headline);
        assertTrue(headline.contains("到期 4 due, 其中已办结 1 closed"), headline);
    }

    @Test
    void theMonthlyRankingSpeaksChineseBesideTheEnglish() {
        String text = new DigestMail(SHANGHAI).render(monthly()).text();
        assertTrue(text.contains("排名 RANKING") && text.contains("各单位指标 RATES BY UNIT") && text.contains("全部单位 All units"), text);
        assertTrue(text.contains("连续两月末位·报副市长"), text);
        assertTrue(text.contains("第2名 rank #2"), text);
        assertTrue(text.matches("(?s).*-\\s+区市场监督管理局\\s+不排名 not ranked.*"), "said, not left blank: " + text);
        assertFalse(text.contains("(heating-company)"), "a unit by its name, not its id: " + text);
        assertTrue(text.contains("2025-10, 2025-11"), "trend periods with their year: " + text);
    }
}
