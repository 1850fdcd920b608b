package io.jiesu.core.digest;

import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.Rate;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.ticket.EscalationStep;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A digest written as an email: HTML for mail clients and the same content as plain text, for a Chinese
 * supervisor first: units by their catalogue names, categories, steps and headings in Chinese (the English
 * beside them for whoever reads it too), dates with their year. The charts are
 * tables with coloured cells (bars) and block-character sparklines: no images, scripts or CSS classes, which
 * mail clients block or strip, so they read the same in Outlook, Gmail and a terminal.
 */
public final class DigestMail {

    /** One email's content; {@code to} is filled in by whoever sends it. */
    public record Content(String subject, String html, String text) {
    }

    /** The six rates in the order the ranking weighs them, with their names as bulletins print them. */
    enum Measure {
        SATISFACTION("满意率", "satisfaction", Rates::satisfaction),
        ON_TIME("按时办结率", "on-time completion", Rates::onTimeCompletion),
        RESPONSE("响应率", "response", Rates::response),
        COMPLETION("办结率", "completion", Rates::completion),
        FIRST_TIME("一次办结率", "first-time resolution", Rates::firstTimeResolution),
        RESOLUTION("解决率", "resolution", Rates::resolution);

        final String zh;
        final String en;
        final Function<Rates, Rate> rate;

        Measure(String zh, String en, Function<Rates, Rate> rate) {
            this.zh = zh;
            this.en = en;
            this.rate = rate;
        }
    }

    private static final String SPARKS = "▁▂▃▄▅▆▇█";
    /** With the year: a deadline past for weeks may lie in the year before. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public DigestMail(ZoneId zone) {
        this.zone = zone;
    }

    public Content render(Digest d) {
        return new Content(subject(d), html(d), text(d));
    }

    static String subject(Digest d) {
        String what = switch (d.kind()) {
            case DAILY -> "每日超期工单 Daily overdue list " + d.day() + ": 超期 " + d.lateCount() + " overdue, 今日到期 "
                    + (d.overdue().size() - d.lateCount()) + " due today";
            case WEEKLY -> "周通报 Weekly bulletin " + d.period().label();
            case MONTHLY -> "月排名 Monthly ranking " + d.period().label();
        };
        String unit = d.onlyUnit() == null || d.units().isEmpty() ? "" : " — " + d.units().get(0).name();
        return "[Jiesu 12345] " + what + unit;
    }

    // ---- plain text ---------------------------------------------------------------------------------------

    private String text(Digest d) {
        StringBuilder t = new StringBuilder();
        t.append(subject(d)).append("\n\n");
        t.append("统计期 Period: ").append(d.period().from()).append(" 至 ").append(d.period().to()).append("\n");
        t.append(headline(d.overall())).append("\n\n");
        if (d.kind() == DigestKind.DAILY) {
            t.append("超期及今日到期 OVERDUE AND DUE TODAY\n");
            if (d.overdue().isEmpty()) {
                t.append("  无 none\n");
            }
            for (Digest.OverdueTicket o : d.overdue()) {
                t.append("  %-24s %s  %s  %s  期限 due %s  %s%s\n".formatted(o.ticketId() + (o.provincial() ? " (省)" : ""),
                        o.unitName(), o.category().label(), step(o.step()), TIME.format(o.dueAt().atZone(zone)), lateness(o),
                        o.escalationLevel() > 0 ? "，" + escalation(o.escalationLevel()) : ""));
            }
            t.append("\n");
        }
        if (d.kind() == DigestKind.MONTHLY && d.onlyUnit() == null) {
            t.append("排名 RANKING (派单少于 ").append(d.minimumToRank()).append(" 件的单位不参与排名 units with fewer than ")
                    .append(d.minimumToRank()).append(" dispatched are not ranked)\n");
            for (Digest.UnitPart u : ranked(d)) {
                Ranking.Entry e = u.ranking();
                t.append("  %4s  %-26s %s%s\n".formatted(e.ranked() ? "#" + e.rank() : "-", u.name(),
                        e.ranked() ? "得分 score %5s".formatted(oneDecimal(e.score() * 100)) : "不排名 not ranked", flags(e)));
            }
            t.append("\n");
        }
        t.append("各单位指标 RATES BY UNIT\n");
        for (Digest.UnitPart u : active(d)) {
            t.append("  ").append(u.name());
            if (u.ranking() != null && u.ranking().ranked()) {
                t.append("  第").append(u.ranking().rank()).append("名 rank #").append(u.ranking().rank()).append(flags(u.ranking()));
            }
            t.append("\n");
            rateLines(t, u.rates(), u.trend());
        }
        t.append("  全部单位 All units\n");
        rateLines(t, d.overall(), d.overallTrend());
        if (!quiet(d).isEmpty()) {
            t.append("  本期及趋势期内无工单 No tickets in the period or the trend: ").append(String.join("、", quiet(d))).append("\n");
        }
        t.append("\n趋势 Trend periods: ").append(String.join(", ", d.trendPeriods().stream().map(DigestKind.Period::label).toList()))
                .append("\n不含市民姓名和电话，详情请按工单号查询。No citizen names or phone numbers are included; open a ticket by its id for details.\n");
        return t.toString();
    }

    private static void rateLines(StringBuilder t, Rates r, List<Rates> trend) {
        for (Measure m : Measure.values()) {
            Rate rate = m.rate.apply(r);
            t.append("    %-6s %-22s %7s  %-12s %s  %s\n".formatted(m.zh, m.en, percent(rate),
                    "(" + rate.numerator() + "/" + rate.denominator() + ")", sparkline(trend, m), change(trend, m)));
        }
    }

    // ---- HTML -----------------------------------------------------------------------------------------------

    private String html(Digest d) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(subject(d)))
                .append("</title></head><body style=\"margin:0;padding:16px;font-family:Arial,'Microsoft YaHei',sans-serif;color:#222;\">");
        h.append("<h2 style=\"margin:0 0 4px 0;font-size:20px;\">").append(esc(subject(d))).append("</h2>");
        h.append("<p style=\"margin:0 0 16px 0;color:#555;\">统计期 Period ").append(d.period().from()).append(" 至 ")
                .append(d.period().to()).append("<br>").append(esc(headline(d.overall()))).append("</p>");
        if (d.kind() == DigestKind.DAILY) {
            overdueTable(h, d);
        }
        if (d.kind() == DigestKind.MONTHLY && d.onlyUnit() == null) {
            rankingTable(h, d);
        }
        h.append("<h3 style=\"font-size:16px;\">各单位指标 Rates by unit</h3>");
        for (Digest.UnitPart u : active(d)) {
            String title = esc(u.name()) + (u.ranking() != null && u.ranking().ranked()
                    ? " · 第" + u.ranking().rank() + "名 rank #" + u.ranking().rank() + esc(flags(u.ranking())) : "");
            rateChart(h, title, u.rates(), u.trend(), d.trendPeriods());
        }
        rateChart(h, "全部单位 All units", d.overall(), d.overallTrend(), d.trendPeriods());
        if (!quiet(d).isEmpty()) {
            h.append("<p style=\"color:#555;\">本期及趋势期内无工单 No tickets in the period or the trend: ").append(esc(String.join("、", quiet(d)))).append("</p>");
        }
        h.append("<p style=\"color:#777;font-size:12px;\">条形：绿 ≥ 95 %，黄 ≥ 85 %，红低于 85 %。Bars: green ≥ 95 %, amber ≥ 85 %, red below. 趋势 Trend: ")
                .append(esc(d.trendPeriods().get(0).label())).append(" → ")
                .append(esc(d.trendPeriods().get(d.trendPeriods().size() - 1).label()))
                .append("。不含市民姓名和电话，详情请按工单号查询。No citizen names or phone numbers are included; open a ticket by its id for details.</p>");
        h.append("</body></html>");
        return h.toString();
    }

    private void overdueTable(StringBuilder h, Digest d) {
        h.append("<h3 style=\"font-size:16px;\">超期及今日到期 Overdue and due today</h3>");
        if (d.overdue().isEmpty()) {
            h.append("<p>无超期或今日到期的工单。No ticket is overdue or due today.</p>");
            return;
        }
        h.append("<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#ddd;font-size:13px;\">")
                .append("<tr bgcolor=\"#f0f0f0\"><th align=\"left\">工单 Ticket</th><th align=\"left\">单位 Unit</th><th align=\"left\">类型 Category</th>")
                .append("<th align=\"left\">待办 Awaiting</th><th align=\"left\">期限 Due</th><th align=\"left\">超期 Late</th><th align=\"left\">督办 Escalation</th></tr>");
        for (Digest.OverdueTicket o : d.overdue()) {
            h.append("<tr").append(o.late() ? " bgcolor=\"#fdecea\"" : "").append("><td>").append(esc(o.ticketId()))
                    .append(o.provincial() ? " (省)" : "").append("</td><td>").append(esc(o.unitName())).append("</td><td>")
                    .append(o.category().label()).append("</td><td>").append(esc(step(o.step()))).append("</td><td>")
                    .append(TIME.format(o.dueAt().atZone(zone))).append("</td><td>")
                    .append(esc(lateness(o))).append("</td><td>")
                    .append(o.escalationLevel() == 0 ? "" : esc(escalation(o.escalationLevel()))).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void rankingTable(StringBuilder h, Digest d) {
        h.append("<h3 style=\"font-size:16px;\">排名 Ranking</h3><table cellpadding=\"4\" cellspacing=\"0\" style=\"font-size:13px;\">")
                .append("<tr bgcolor=\"#f0f0f0\"><th>名次 Rank</th><th align=\"left\">单位 Unit</th><th align=\"left\">综合得分 Score</th><th></th></tr>");
        for (Digest.UnitPart u : ranked(d)) {
            Ranking.Entry e = u.ranking();
            h.append("<tr").append(e.bottom() ? " bgcolor=\"#fdecea\"" : "").append("><td align=\"center\">")
                    .append(e.ranked() ? "#" + e.rank() : "–").append("</td><td>").append(esc(u.name())).append("</td><td>")
                    .append(e.ranked() ? bar(e.score()) : "<span style=\"color:#777;\">派单少于 " + d.minimumToRank() + " 件，不排名 fewer than " + d.minimumToRank() + " dispatched</span>")
                    .append("</td><td>").append(esc(flags(e))).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void rateChart(StringBuilder h, String title, Rates r, List<Rates> trend, List<DigestKind.Period> periods) {
        h.append("<table cellpadding=\"3\" cellspacing=\"0\" style=\"font-size:13px;margin:0 0 14px 0;\">")
                .append("<tr><td colspan=\"4\" style=\"font-weight:bold;padding-top:8px;\">").append(title).append("</td></tr>");
        for (Measure m : Measure.values()) {
            Rate rate = m.rate.apply(r);
            h.append("<tr><td>").append(m.zh).append(" <span style=\"color:#777;\">").append(m.en).append("</span></td><td>")
                    .append(rate.value() == null ? "<span style=\"color:#777;\">无工单 no tickets</span>" : bar(rate.value()))
                    .append("</td><td style=\"color:#555;\">").append(rate.numerator()).append("/").append(rate.denominator())
                    .append("</td><td style=\"font-family:monospace;\" title=\"").append(esc(periods.get(0).label())).append(" → ")
                    .append(esc(periods.get(periods.size() - 1).label())).append("\">").append(sparkline(trend, m))
                    .append(" ").append(change(trend, m)).append("</td></tr>");
        }
        h.append("</table>");
    }

    /** A horizontal bar of table cells, with the figure beside it. */
    private static String bar(double value) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, value)) * 100);
        String colour = value >= 0.95 ? "#2e7d32" : value >= 0.85 ? "#f9a825" : "#c62828";
        StringBuilder b = new StringBuilder("<table width=\"160\" cellpadding=\"0\" cellspacing=\"0\" style=\"display:inline-table;vertical-align:middle;\"><tr>");
        if (filled > 0) {
            b.append("<td width=\"").append(filled).append("%\" height=\"12\" bgcolor=\"").append(colour).append("\"></td>");
        }
        if (filled < 100) {
            b.append("<td width=\"").append(100 - filled).append("%\" height=\"12\" bgcolor=\"#e6e6e6\"></td>");
        }
        return b.append("</tr></table> <b>").append(oneDecimal(value * 100) + " %").append("</b>").toString();
    }

    static String sparkline(List<Rates> trend, Measure m) {
        StringBuilder s = new StringBuilder();
        for (Rates r : trend) {
            Double v = m.rate.apply(r).value();
            s.append(v == null ? '·' : SPARKS.charAt((int) Math.round(Math.max(0, Math.min(1, v)) * (SPARKS.length() - 1))));
        }
        return s.toString();
    }

    /** The change from the period before the last one, in points. */
    static String change(List<Rates> trend, Measure m) {
        if (trend.size() < 2) {
            return "";
        }
        Double last = m.rate.apply(trend.get(trend.size() - 1)).value();
        Double before = m.rate.apply(trend.get(trend.size() - 2)).value();
        if (last == null || before == null) {
            return "";
        }
        double points = (last - before) * 100;
        return Math.abs(points) < 0.05 ? "=" : (points > 0 ? "▲" : "▼") + oneDecimal(Math.abs(points));
    }

    /**
     * The week's (month's, day's) numbers in one line, for whoever reads only the top. Each count stands alone
     * with its own word: overdue tickets are not a part of the replies (a count in brackets after "replied" read
     * as "3 of 2"), and closed is counted among the tickets due (docs/rates.md).
     */
    static String headline(Rates all) {
        java.util.Map<Counter, Long> c = all.counts();
        return ("全部单位 All units: 派单 %d dispatched; 答复 %d replied; 到期 %d due, 其中已办结 %d closed;"
                + " 超期未答复 %d passed their reply deadline unreplied; 满意率 satisfaction %s; 按时办结率 on-time completion %s")
                .formatted(c.get(Counter.DISPATCHED), c.get(Counter.REPLIED), c.get(Counter.DUE), c.get(Counter.CLOSED),
                        c.get(Counter.OVERDUE), percent(all.satisfaction()), percent(all.onTimeCompletion()));
    }

    /** What is awaited, in Chinese with the step's code beside it. */
    static String step(String code) {
        return switch (code) {
            case "dispatch" -> "待派单 dispatch";
            case "sign" -> "待签收 sign";
            case "reply" -> "待答复 reply";
            default -> code;
        };
    }

    private static String lateness(Digest.OverdueTicket o) {
        return o.late() ? "超期 " + o.workingDaysLate() + " 个工作日 " + o.workingDaysLate() + " working day(s) late"
                : "今日到期 due today";
    }

    /** The escalation ladder's step (DOMAIN.md, "Supervision"), as the centre names it. */
    static String escalation(int level) {
        return switch (EscalationStep.of(level)) {
            case SYSTEM_NOTICE -> "督办1级 系统提示 system notice";
            case OFFICIAL_DOCUMENT -> "督办2级 发函督办 official document";
            case LEADER_IN_CHARGE -> "督办" + level + "级 分管领导督办 leader in charge";
        };
    }

    /** Units with something counted in the period or its trend, and ranked units always. */
    private static List<Digest.UnitPart> active(Digest d) {
        return d.units().stream().filter(u -> !quiet(u)).toList();
    }

    private static List<String> quiet(Digest d) {
        return d.units().stream().filter(DigestMail::quiet).map(Digest.UnitPart::name).toList();
    }

    private static boolean quiet(Digest.UnitPart u) {
        return (u.ranking() == null || !u.ranking().ranked()) && counted(u.rates()) == 0
                && u.trend().stream().mapToLong(DigestMail::counted).sum() == 0;
    }

    private static long counted(Rates r) {
        return r.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String percent(Rate r) {
        return r.value() == null ? "–" : oneDecimal(r.value() * 100) + "%";
    }

    private static String flags(Ranking.Entry e) {
        return e.bottomTwoMonthsRunning() ? "  连续两月末位·报副市长 BOTTOM two months running (to the deputy mayor)"
                : e.bottom() ? "  末位约谈 BOTTOM (called in)" : "";
    }

    private static List<Digest.UnitPart> ranked(Digest d) {
        return d.units().stream().filter(u -> u.ranking() != null).sorted(java.util.Comparator
                .comparing((Digest.UnitPart u) -> u.ranking().rank() == null ? Integer.MAX_VALUE : u.ranking().rank())
                .thenComparing(Digest.UnitPart::unitId)).toList();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
