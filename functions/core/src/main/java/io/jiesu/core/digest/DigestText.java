package io.jiesu.core.digest;

import io.jiesu.core.rates.Rate;
import io.jiesu.core.rates.RateKind;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;

import java.time.ZoneId;
import java.util.List;

import static io.jiesu.core.digest.DigestWords.*;

/** A digest as plain text, in fixed-width columns, for mail clients that show no HTML and for a terminal. */
final class DigestText {
    private final ZoneId zone;

    DigestText(ZoneId zone) {
        this.zone = zone;
    }

    String write(Digest d) {
        StringBuilder t = new StringBuilder();
        t.append(DigestMail.subject(d)).append("\n\n");
        t.append("统计期 Period: ").append(d.period().from()).append(" 至 ").append(d.period().to()).append("\n");
        t.append(DigestMail.headline(d.overall())).append("\n\n");
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
        if (d.onlyUnit() != null && !d.articles().isEmpty()) { // a unit head's own; supervisors get the rates
            t.append("知识库待维护 KNOWLEDGE BASE TO LOOK AT\n");
            for (ArticleFlag a : d.articles()) {
                t.append("  %-24s %s  %s\n".formatted(a.articleId(), a.question(), a.reasons()));
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
        for (RateKind m : RateKind.values()) {
            Rate rate = r.rate(m);
            t.append("    %-6s %-22s %7s  %-12s %s  %s\n".formatted(m.chinese(), m.english(), percent(rate),
                    "(" + rate.numerator() + "/" + rate.denominator() + ")", sparkline(trend, m), change(trend, m)));
        }
    }
}
