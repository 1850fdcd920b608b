package io.jiesu.core.digest;

import io.jiesu.core.rates.Rate;
import io.jiesu.core.rates.RateKind;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.ticket.EscalationStep;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the text and the HTML of a digest say alike: the centre's Chinese names for steps, escalation and the
 * ranking's flags (with the English beside them), figures, sparklines, and which units have anything to show.
 */
final class DigestWords {
    private static final String SPARKS = "▁▂▃▄▅▆▇█";
    /** With the year: a deadline past for weeks may lie in the year before. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DigestWords() {
    }

    static String sparkline(List<Rates> trend, RateKind m) {
        StringBuilder s = new StringBuilder();
        for (Rates r : trend) {
            Double v = r.rate(m).value();
            s.append(v == null ? '·' : SPARKS.charAt((int) Math.round(Math.max(0, Math.min(1, v)) * (SPARKS.length() - 1))));
        }
        return s.toString();
    }

    /** The change from the period before the last one, in points. */
    static String change(List<Rates> trend, RateKind m) {
        if (trend.size() < 2) {
            return "";
        }
        Double last = trend.get(trend.size() - 1).rate(m).value();
        Double before = trend.get(trend.size() - 2).rate(m).value();
        if (last == null || before == null) {
            return "";
        }
        double points = (last - before) * 100;
        return Math.abs(points) < 0.05 ? "=" : (points > 0 ? "▲" : "▼") + oneDecimal(Math.abs(points));
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

    static String lateness(Digest.OverdueTicket o) {
        return o.late() ? "超期 " + o.workingDaysLate() + " 个工作日 " + o.workingDaysLate() + " working day(s) late"
                : "今日到期 due today";
    }

    /** The escalation ladder's step (docs/domain.md, "The life of a ticket" 8), as the centre names it. */
    static String escalation(int level) {
        return switch (EscalationStep.of(level)) {
            case SYSTEM_NOTICE -> "督办1级 系统提示 system notice";
            case OFFICIAL_DOCUMENT -> "督办2级 发函督办 official document";
            case LEADER_IN_CHARGE -> "督办" + level + "级 分管领导督办 leader in charge";
        };
    }

    /** Units with something counted in the period or its trend, and ranked units always. */
    static List<Digest.UnitPart> active(Digest d) {
        return d.units().stream().filter(u -> !quiet(u)).toList();
    }

    static List<String> quiet(Digest d) {
        return d.units().stream().filter(DigestWords::quiet).map(Digest.UnitPart::name).toList();
    }

    static boolean quiet(Digest.UnitPart u) {
        return (u.ranking() == null || !u.ranking().ranked()) && counted(u.rates()) == 0
                && u.trend().stream().mapToLong(DigestWords::counted).sum() == 0;
    }

    static long counted(Rates r) {
        return r.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    static String percent(Rate r) {
        return r.value() == null ? "–" : oneDecimal(r.value() * 100) + "%";
    }

    static String flags(Ranking.Entry e) {
        return e.bottomTwoMonthsRunning() ? "  连续两月末位·报副市长 BOTTOM two months running (to the deputy mayor)"
                : e.bottom() ? "  末位约谈 BOTTOM (called in)" : "";
    }

    static List<Digest.UnitPart> ranked(Digest d) {
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

    static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
