package io.jiesu.core.digest;

import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.Rate;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A digest written as an email: HTML for mail clients and the same content as plain text. The charts are
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ZoneId zone;

    public DigestMail(ZoneId zone) {
        this.zone = zone;
    }

    public Content render(Digest d) {
        return new Content(subject(d), html(d), text(d));
    }

    static String subject(Digest d) {
        String what = switch (d.kind()) {
            case DAILY -> "每日超期工单 Daily overdue list " + d.day() + ": " + d.lateCount() + " overdue, "
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
        t.append("Period: ").append(d.period().from()).append(" to ").append(d.period().to()).append("\n");
        t.append(headline(d.overall())).append("\n\n");
        if (d.kind() == DigestKind.DAILY) {
            t.append("OVERDUE AND DUE TODAY\n");
            if (d.overdue().isEmpty()) {
                t.append("  none\n");
            }
            for (Digest.OverdueTicket o : d.overdue()) {
                t.append("  %-24s %-22s %-14s %-8s due %s  %s%s\n".formatted(o.ticketId(), o.unitId(), o.category(),
                        o.step(), TIME.format(o.dueAt().atZone(zone)),
                        o.late() ? o.workingDaysLate() + " working day(s) late" : "due today",
                        o.escalationLevel() > 0 ? ", escalation " + o.escalationLevel() : ""));
            }
            t.append("\n");
        }
        if (d.kind() == DigestKind.MONTHLY && d.onlyUnit() == null) {
            t.append("RANKING (units with fewer than ").append(d.minimumToRank()).append(" dispatched are not ranked)\n");
            for (Digest.UnitPart u : ranked(d)) {
                Ranking.Entry e = u.ranking();
                t.append("  %4s  %-26s score %5s%s\n".formatted(e.ranked() ? "#" + e.rank() : "-", u.name(),
                        e.ranked() ? oneDecimal(e.score() * 100) : "", flags(e)));
            }
            t.append("\n");
        }
        t.append("RATES BY UNIT\n");
        for (Digest.UnitPart u : active(d)) {
            t.append("  ").append(u.name()).append(" (").append(u.unitId()).append(")");
            if (u.ranking() != null && u.ranking().ranked()) {
                t.append("  rank #").append(u.ranking().rank()).append(flags(u.ranking()));
            }
            t.append("\n");
            rateLines(t, u.rates(), u.trend());
        }
        t.append("  All units\n");
        rateLines(t, d.overall(), d.overallTrend());
        if (!quiet(d).isEmpty()) {
            t.append("  No tickets in the period or the trend: ").append(String.join(", ", quiet(d))).append("\n");
        }
        t.append("\nTrend periods: ").append(String.join(", ", d.trendPeriods().stream().map(DigestKind.Period::label).toList()))
                .append("\nNo citizen names or phone numbers are included; open a ticket by its id for details.\n");
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
        h.append("<p style=\"margin:0 0 16px 0;color:#555;\">Period ").append(d.period().from()).append(" – ")
                .append(d.period().to()).append("<br>").append(esc(headline(d.overall()))).append("</p>");
        if (d.kind() == DigestKind.DAILY) {
            overdueTable(h, d);
        }
        if (d.kind() == DigestKind.MONTHLY && d.onlyUnit() == null) {
            rankingTable(h, d);
        }
        h.append("<h3 style=\"font-size:16px;\">Rates by unit</h3>");
        for (Digest.UnitPart u : active(d)) {
            String title = esc(u.name()) + " <span style=\"color:#777;\">" + esc(u.unitId()) + "</span>"
                    + (u.ranking() != null && u.ranking().ranked() ? " · rank #" + u.ranking().rank() + esc(flags(u.ranking())) : "");
            rateChart(h, title, u.rates(), u.trend(), d.trendPeriods());
        }
        rateChart(h, "All units", d.overall(), d.overallTrend(), d.trendPeriods());
        if (!quiet(d).isEmpty()) {
            h.append("<p style=\"color:#555;\">No tickets in the period or the trend: ").append(esc(String.join(", ", quiet(d)))).append("</p>");
        }
        h.append("<p style=\"color:#777;font-size:12px;\">Bars: green ≥ 95 %, amber ≥ 85 %, red below. Trend: ")
                .append(esc(d.trendPeriods().get(0).label())).append(" → ")
                .append(esc(d.trendPeriods().get(d.trendPeriods().size() - 1).label()))
                .append(". No citizen names or phone numbers are included; open a ticket by its id for details.</p>");
        h.append("</body></html>");
        return h.toString();
    }

    private void overdueTable(StringBuilder h, Digest d) {
        h.append("<h3 style=\"font-size:16px;\">Overdue and due today</h3>");
        if (d.overdue().isEmpty()) {
            h.append("<p>No ticket is overdue or due today.</p>");
            return;
        }
        h.append("<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#ddd;font-size:13px;\">")
                .append("<tr bgcolor=\"#f0f0f0\"><th align=\"left\">Ticket</th><th align=\"left\">Unit</th><th align=\"left\">Category</th>")
                .append("<th align=\"left\">Awaiting</th><th align=\"left\">Due</th><th align=\"left\">Late</th><th align=\"left\">Escalation</th></tr>");
        for (Digest.OverdueTicket o : d.overdue()) {
            h.append("<tr").append(o.late() ? " bgcolor=\"#fdecea\"" : "").append("><td>").append(esc(o.ticketId()))
                    .append(o.provincial() ? " (省)" : "").append("</td><td>").append(esc(o.unitId())).append("</td><td>")
                    .append(esc(o.category())).append("</td><td>").append(esc(o.step())).append("</td><td>")
                    .append(TIME.format(o.dueAt().atZone(zone))).append("</td><td>")
                    .append(o.late() ? o.workingDaysLate() + " working day(s)" : "due today").append("</td><td>")
                    .append(o.escalationLevel() == 0 ? "" : "level " + o.escalationLevel()).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void rankingTable(StringBuilder h, Digest d) {
        h.append("<h3 style=\"font-size:16px;\">Ranking</h3><table cellpadding=\"4\" cellspacing=\"0\" style=\"font-size:13px;\">")
                .append("<tr bgcolor=\"#f0f0f0\"><th>Rank</th><th align=\"left\">Unit</th><th align=\"left\">Score</th><th></th></tr>");
        for (Digest.UnitPart u : ranked(d)) {
            Ranking.Entry e = u.ranking();
            h.append("<tr").append(e.bottom() ? " bgcolor=\"#fdecea\"" : "").append("><td align=\"center\">")
                    .append(e.ranked() ? "#" + e.rank() : "–").append("</td><td>").append(esc(u.name())).append("</td><td>")
                    .append(e.ranked() ? bar(e.score()) : "<span style=\"color:#777;\">fewer than " + d.minimumToRank() + " dispatched</span>")
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
                    .append(rate.value() == null ? "<span style=\"color:#777;\">no tickets</span>" : bar(rate.value()))
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

    /** The week's (month's, day's) numbers in one line, for whoever reads only the top. */
    private static String headline(Rates all) {
        java.util.Map<Counter, Long> c = all.counts();
        return "All units: %d dispatched, %d replied (%d overdue), %d closed; satisfaction %s, on-time completion %s"
                .formatted(c.get(Counter.DISPATCHED), c.get(Counter.REPLIED),
                        c.get(Counter.OVERDUE), c.get(Counter.CLOSED),
                        percent(all.satisfaction()), percent(all.onTimeCompletion()));
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
        return e.bottomTwoMonthsRunning() ? "  BOTTOM two months running (to the deputy mayor)"
                : e.bottom() ? "  BOTTOM (called in)" : "";
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
