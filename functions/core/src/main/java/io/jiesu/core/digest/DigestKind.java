package io.jiesu.core.digest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The supervisors' three digests (docs/domain.md, "The life of a ticket" 9: 周通报、月排名, and the daily overdue
 * list), each sent at 08:00 Asia/Shanghai by a recurring schedule. {@link #cron} is the EventBridge Scheduler expression: the
 * daily one fires every day and the digest skips days off, since a cron cannot know the holiday lists and
 * make-up working days.
 */
public enum DigestKind {
    /** Overdue and due-today tickets, with the month so far. */
    DAILY("cron(0 8 * * ? *)", 7),
    /** The ISO week before, with the eight weeks before it. */
    WEEKLY("cron(0 8 ? * MON *)", 8),
    /** The month before and its ranking, with the six months before it. */
    MONTHLY("cron(0 8 1 * ? *)", 6);

    public static final String TIME_ZONE = "Asia/Shanghai";

    private final String cron;
    private final int trendLength;

    DigestKind(String cron, int trendLength) {
        this.cron = cron;
        this.trendLength = trendLength;
    }

    public String cron() {
        return cron;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** daily, weekly or monthly; anything else is refused naming the choices. */
    public static DigestKind of(String code) {
        for (DigestKind k : values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no digest '" + code + "': daily, weekly or monthly");
    }

    /**
     * What a digest sent on {@code day} reports on: the daily one the month so far (the month before on the
     * 1st), the weekly one the ISO week before, the monthly one the month before.
     */
    public Period period(LocalDate day) {
        return switch (this) {
            case DAILY -> day.getDayOfMonth() == 1 ? Period.month(YearMonth.from(day.minusDays(1)))
                    : new Period(day.withDayOfMonth(1), day.minusDays(1),
                    day.withDayOfMonth(1) + " – " + day.minusDays(1));
            case WEEKLY -> Period.week(day.minusWeeks(1));
            case MONTHLY -> Period.month(YearMonth.from(day).minusMonths(1));
        };
    }

    /** The periods of the trend chart, oldest first, ending with the one reported on. */
    public List<Period> trend(LocalDate day) {
        List<Period> periods = new ArrayList<>();
        Period last = period(day);
        for (int i = trendLength - 1; i >= 0; i--) {
            periods.add(switch (this) {
                case DAILY -> Period.day(day.minusDays(i + 1L));
                case WEEKLY -> Period.week(last.from().minusWeeks(i));
                case MONTHLY -> Period.month(YearMonth.from(last.from()).minusMonths(i));
            });
        }
        return periods;
    }

    /** A range of days, both ends included, with the label a reader knows it by. */
    public record Period(LocalDate from, LocalDate to, String label) {
        static Period day(LocalDate d) {
            return new Period(d, d, d.toString());   // with its year: a trend may cross the new year
        }

        static Period week(LocalDate anyDay) {
            LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new Period(monday, monday.plusDays(6), "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        }

        static Period month(YearMonth m) {
            return new Period(m.atDay(1), m.atEndOfMonth(), m.toString());
        }

        public boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }
}
