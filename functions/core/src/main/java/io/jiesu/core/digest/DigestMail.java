package io.jiesu.core.digest;

import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.Rates;

import java.time.ZoneId;
import java.util.Map;

import static io.jiesu.core.digest.DigestWords.percent;
import static io.jiesu.core.rates.RateKind.ON_TIME_COMPLETION;
import static io.jiesu.core.rates.RateKind.SATISFACTION;

/**
 * A digest written as an email: HTML for mail clients and the same content as plain text, for a Chinese
 * supervisor first: units by their catalogue names, categories, steps and headings in Chinese (the English
 * beside them for whoever reads it too), dates with their year. The charts are
 * tables with coloured cells (bars) and block-character sparklines: no images, scripts or CSS classes, which
 * mail clients block or strip, so they read the same in Outlook, Gmail and a terminal. The six rates are
 * printed as {@link io.jiesu.core.rates.RateKind} names them, in the order the ranking weighs them.
 */
public final class DigestMail {

    /** One email's content; {@code to} is filled in by whoever sends it. */
    public record Content(String subject, String html, String text) {
    }

    private final DigestHtml html;
    private final DigestText text;

    public DigestMail(ZoneId zone) {
        this.html = new DigestHtml(zone);
        this.text = new DigestText(zone);
    }

    public Content render(Digest d) {
        return new Content(subject(d), html.write(d), text.write(d));
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

    /**
     * The week's (month's, day's) numbers in one line, for whoever reads only the top. Each count stands alone
     * with its own word: overdue tickets are not a part of the replies (a count in brackets after "replied" read
     * as "3 of 2"), and closed is counted among the tickets due (docs/rates.md).
     */
    static String headline(Rates all) {
        Map<Counter, Long> c = all.counts();
        return ("全部单位 All units: 派单 %d dispatched; 答复 %d replied; 到期 %d due, 其中已办结 %d closed;"
                + " 超期未答复 %d passed their reply deadline unreplied; %s %s %s; %s %s %s")
                .formatted(c.get(Counter.DISPATCHED), c.get(Counter.REPLIED), c.get(Counter.DUE), c.get(Counter.CLOSED),
                        c.get(Counter.OVERDUE), SATISFACTION.chinese(), SATISFACTION.english(), percent(all.satisfaction()),
                        ON_TIME_COMPLETION.chinese(), ON_TIME_COMPLETION.english(), percent(all.onTimeCompletion()));
    }
}
