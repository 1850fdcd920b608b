package io.jiesu.localcloud.scheduler;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The six fields of an EventBridge Scheduler {@code cron(...)} expression, evaluated in a time zone:
 * {@code minutes hours day-of-month month day-of-week year}.
 *
 * <p>Accepted, as AWS documents them:
 * <ul>
 *   <li>Minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or {@code JAN-DEC}, day-of-week 1-7 or {@code SUN-SAT}
 *       (1 = Sunday), year 1970-2199. Names are case-insensitive.</li>
 *   <li>{@code *}, single values, ranges {@code a-b}, lists {@code a,b,c}, increments <code>&#42;/n</code>,
 *       {@code a/n} (from {@code a} to the field's maximum) and {@code a-b/n}.</li>
 *   <li>Exactly one of day-of-month and day-of-week is {@code ?}, as AWS requires (so {@code *} in both is refused).
 *   </li>
 *   <li>{@code L} alone in day-of-month (last day of the month); in day-of-week {@code L} alone (Saturday) or
 *       {@code nL} (the last weekday {@code n} of the month); {@code n#k} in day-of-week (the k-th weekday {@code n}
 *       of the month, as the only expression of the field).</li>
 * </ul>
 * Not accepted: {@code W} (nearest weekday), {@code L-n} and {@code LW}, ranges whose start is after their end
 * (no wrap-around), and the 5-field form without a year.
 *
 * <p>Occurrences are wall-clock minutes in the zone. As EventBridge Scheduler documents for daylight saving time, a
 * wall time that does not exist (skipped by a spring-forward) produces no occurrence, and a wall time that occurs
 * twice (fall-back) produces one occurrence, the first.
 */
public final class CronExpression {

    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2199;
    private static final Map<String, Integer> MONTHS = names(
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final Map<String, Integer> DAYS = names("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    /** Day-of-month values; null when the field is {@code ?}. */
    private final BitSet daysOfMonth;
    private final boolean lastDayOfMonth;
    /** Day-of-week values (1 = Sunday); null when the field is {@code ?} or a special {@code L}/{@code #} form. */
    private final BitSet daysOfWeek;
    /** {@code nL}: the last such weekday of the month (1 = Sunday), else 0. */
    private final int lastWeekdayOfMonth;
    /** {@code n#k}: weekday n (1 = Sunday) ... */
    private final int nthWeekday;
    /** ... its k-th occurrence in the month, else 0. */
    private final int nth;

    private CronExpression(String text, ZoneId zone, String[] f) {
        this.text = text;
        this.zone = zone;
        this.minutes = parseField(f[0], "minutes", 0, 59, Map.of());
        this.hours = parseField(f[1], "hours", 0, 23, Map.of());
        this.months = parseField(f[3], "month", 1, 12, MONTHS);
        this.years = parseField(f[5], "year", FIRST_YEAR, LAST_YEAR, Map.of());

        String dom = f[2];
        String dow = f[4].toUpperCase(Locale.ROOT);
        if (dom.equals("?") == dow.equals("?")) {
            throw new IllegalArgumentException(
                    "exactly one of day-of-month and day-of-week must be '?' in cron(" + text + ")");
        }
        if (dom.equals("?")) {
            daysOfMonth = null;
            lastDayOfMonth = false;
        } else if (dom.equalsIgnoreCase("L")) {
            daysOfMonth = null;
            lastDayOfMonth = true;
        } else {
            if (dom.toUpperCase(Locale.ROOT).contains("W") || dom.toUpperCase(Locale.ROOT).contains("L")) {
                throw new IllegalArgumentException("day-of-month '" + dom + "' is not supported here: only 'L' alone"
                        + " (W, L-n and LW are not emulated)");
            }
            daysOfMonth = parseField(dom, "day-of-month", 1, 31, Map.of());
            lastDayOfMonth = false;
        }

        int lastWeekday = 0;
        int hashWeekday = 0;
        int hashNth = 0;
        BitSet dows = null;
        if (dow.equals("?")) {
            // day-of-month decides
        } else if (dow.equals("L")) {
            lastWeekday = 7; // as in Quartz, from which AWS takes the syntax: L alone is Saturday
        } else if (dow.endsWith("L")) {
            lastWeekday = value(dow.substring(0, dow.length() - 1), "day-of-week", 1, 7, DAYS);
        } else if (dow.contains("#")) {
            String[] parts = dow.split("#", -1);
            if (parts.length != 2 || parts[0].contains(",") || parts[1].contains(",")) {
                throw new IllegalArgumentException("day-of-week '" + f[4] + "': '#' must be the only expression");
            }
            hashWeekday = value(parts[0], "day-of-week", 1, 7, DAYS);
            hashNth = value(parts[1], "day-of-week occurrence", 1, 5, Map.of());
        } else {
            dows = parseField(dow, "day-of-week", 1, 7, DAYS);
        }
        this.daysOfWeek = dows;
        this.lastWeekdayOfMonth = lastWeekday;
        this.nthWeekday = hashWeekday;
        this.nth = hashNth;
    }

    /**
     * Parses the inside of {@code cron(...)}: six whitespace-separated fields.
     *
     * @throws IllegalArgumentException with a message fit for a ValidationException, if the fields are not valid
     */
    public static CronExpression parse(String fields, ZoneId zone) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(zone, "zone");
        String trimmed = fields.trim();
        String[] f = trimmed.split("\\s+");
        if (trimmed.isEmpty() || f.length != 6) {
            throw new IllegalArgumentException("cron(" + fields + ") must have six fields: minutes hours day-of-month"
                    + " month day-of-week year");
        }
        return new CronExpression(trimmed, zone, f);
    }

    /** The zone in which the fields are evaluated. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The first occurrence strictly after {@code after}, or empty if there is none (the year field ends, or the fields
     * never match, e.g. 31 February).
     */
    public Optional<Instant> nextAfter(Instant after) {
        Objects.requireNonNull(after, "after");
        LocalDateTime t = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (t.getYear() <= LAST_YEAR) {
            if (t.getYear() < FIRST_YEAR) {
                t = LocalDateTime.of(FIRST_YEAR, 1, 1, 0, 0);
                continue;
            }
            if (!years.get(t.getYear())) {
                int year = years.nextSetBit(t.getYear());
                if (year < 0) {
                    return Optional.empty();
                }
                t = LocalDateTime.of(year, 1, 1, 0, 0);
                continue;
            }
            if (!months.get(t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
                continue;
            }
            if (!dayMatches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            if (!hours.get(t.getHour())) {
                int hour = hours.nextSetBit(t.getHour());
                t = hour < 0
                        ? t.toLocalDate().plusDays(1).atStartOfDay()
                        : t.toLocalDate().atTime(hour, 0);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                int minute = minutes.nextSetBit(t.getMinute());
                t = minute < 0
                        ? t.truncatedTo(ChronoUnit.HOURS).plusHours(1)
                        : t.withMinute(minute);
                continue;
            }
            Optional<Instant> instant = earliestInstant(t);
            if (instant.isPresent() && instant.get().isAfter(after)) {
                return instant;
            }
            // A wall time skipped by daylight saving time, or the second pass through a repeated one.
            t = t.plusMinutes(1);
        }
        return Optional.empty();
    }

    /** The earlier of the instants a wall time stands for in the zone; empty if it falls in a gap. */
    private Optional<Instant> earliestInstant(LocalDateTime t) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(t);
        Instant earliest = null;
        for (ZoneOffset offset : offsets) {
            Instant candidate = t.toInstant(offset);
            if (earliest == null || candidate.isBefore(earliest)) {
                earliest = candidate;
            }
        }
        return Optional.ofNullable(earliest);
    }

    private boolean dayMatches(LocalDate date) {
        if (lastDayOfMonth) {
            return date.getDayOfMonth() == date.lengthOfMonth();
        }
        if (daysOfMonth != null) {
            return daysOfMonth.get(date.getDayOfMonth());
        }
        int weekday = awsWeekday(date.getDayOfWeek());
        if (lastWeekdayOfMonth != 0) {
            return weekday == lastWeekdayOfMonth && date.getDayOfMonth() + 7 > date.lengthOfMonth();
        }
        if (nth != 0) {
            return weekday == nthWeekday && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        return daysOfWeek.get(weekday);
    }

    /** 1 = Sunday ... 7 = Saturday, as AWS (and Quartz) number them. */
    private static int awsWeekday(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    private static BitSet parseField(String field, String name, int min, int max, Map<String, Integer> names) {
        BitSet set = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException(name + " field '" + field + "' has an empty list element");
            }
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = value(part.substring(slash + 1), name + " increment", 1, max - min + 1, Map.of());
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                int dash = range.indexOf('-');
                from = value(range.substring(0, dash), name, min, max, names);
                to = value(range.substring(dash + 1), name, min, max, names);
                if (from > to) {
                    throw new IllegalArgumentException(name + " range '" + range + "' runs backwards");
                }
            } else {
                from = value(range, name, min, max, names);
                // "a/n" runs from a to the maximum; a plain "a" is just a
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int value(String token, String name, int min, int max, Map<String, Integer> names) {
        Integer named = names.get(token.toUpperCase(Locale.ROOT));
        int v;
        if (named != null) {
            v = named;
        } else {
            if (token.isEmpty() || token.length() > 4 || !token.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + token + "' is not a valid " + name + " value");
            }
            v = Integer.parseInt(token);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " value " + token + " is outside " + min + "-" + max);
        }
        return v;
    }

    private static Map<String, Integer> names(String... names) {
        Map.Entry<String, Integer>[] entries = new Map.Entry[names.length];
        for (int i = 0; i < names.length; i++) {
            entries[i] = Map.entry(names[i], i + 1);
        }
        return Map.ofEntries(entries);
    }

    @Override
    public String toString() {
        return "cron(" + text + ") in " + zone;
    }
}
