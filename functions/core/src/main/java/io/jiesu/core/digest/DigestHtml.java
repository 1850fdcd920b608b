package io.jiesu.core.digest;

import io.jiesu.core.rates.Rate;
import io.jiesu.core.rates.RateKind;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;

import java.time.ZoneId;
import java.util.List;

import static io.jiesu.core.digest.DigestWords.*;

/**
 * A digest as HTML for mail clients: the charts are tables with coloured cells (bars) and block-character
 * sparklines, and every style is inline, since mail clients block or strip images, scripts and CSS classes.
 */
final class DigestHtml {
    private final ZoneId zone;

    DigestHtml(ZoneId zone) {
        this.zone = zone;
    }

    String write(Digest d) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(DigestMail.subject(d)))
                .append("</title></head><body style=\"margin:0;padding:16px;font-family:Arial,'Microsoft YaHei',sans-serif;color:#222;\">");
        h.append("<h2 style=\"margin:0 0 4px 0;font-size:20px;\">").append(esc(DigestMail.subject(d))).append("</h2>");
        h.append("<p style=\"margin:0 0 16px 0;color:#555;\">统计期 Period ").append(d.period().from()).append(" 至 ")
                .append(d.period().to()).append("<br>").append(esc(DigestMail.headline(d.overall()))).append("</p>");
        if (d.kind() == DigestKind.DAILY) {
            overdueTable(h, d);
        }
        if (d.onlyUnit() != null && !d.articles().isEmpty()) { // a unit head's own; supervisors get the rates
            h.append("<h3 style=\"font-size:16px;\">知识库待维护 Knowledge base to look at</h3><table style=\"border-collapse:collapse;\">");
            for (ArticleFlag a : d.articles()) {
                h.append("<tr><td style=\"padding:2px 8px;\">").append(esc(a.articleId())).append("</td><td style=\"padding:2px 8px;\">")
                        .append(esc(a.question())).append("</td><td style=\"padding:2px 8px;color:#b00;\">").append(esc(a.reasons()))
                        .append("</td></tr>");
            }
            h.append("</table>");
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
        for (RateKind m : RateKind.values()) {
            Rate rate = r.rate(m);
            h.append("<tr><td>").append(m.chinese()).append(" <span style=\"color:#777;\">").append(m.english()).append("</span></td><td>")
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
}
