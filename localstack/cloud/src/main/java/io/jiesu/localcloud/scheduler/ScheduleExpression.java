package io.jiesu.localcloud.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code ScheduleExpression}: {@code at(...)}, {@code rate(...)} or {@code cron(...)}, bound to its time zone.
 * Occurrences are computed from an anchor: {@link #first(Instant)} gives the first occurrence at or after it,
 * {@link #nextAfter(Instant)} the one after a given occurrence.
 */
abstract class ScheduleExpression {

    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d{1,9}) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final DateTimeFormatter AT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    /**
     * @throws IllegalArgumentException with a message fit for a ValidationException
     */
    static ScheduleExpression parse(String expression, ZoneId zone) {
        Matcher m = AT.matcher(expression);
        if (m.matches()) {
            try {
                return new At(LocalDateTime.parse(m.group(1), AT_FORMAT).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid Schedule Expression " + expression + ": " + e.getMessage());
            }
        }
        m = RATE.matcher(expression);
        if (m.matches()) {
            long value = Long.parseLong(m.group(1));
            if (value < 1) {
                throw new IllegalArgumentException("Invalid Schedule Expression " + expression
                        + ": the rate value must be a positive integer");
            }
            Duration unit = m.group(2).startsWith("minute") ? Duration.ofMinutes(1)
                    : m.group(2).startsWith("hour") ? Duration.ofHours(1)
                    : Duration.ofDays(1); // a day is 24 hours, also across daylight saving changes, as in AWS
            return new Rate(unit.multipliedBy(value));
        }
        m = CRON.matcher(expression);
        if (m.matches()) {
            try {
                return new Cron(CronExpression.parse(m.group(1), zone));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid Schedule Expression " + expression + ": " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("Invalid Schedule Expression " + expression
                + ": expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)");
    }

    /** One-time ({@code at}) schedules ignore StartDate and EndDate and fire once. */
    abstract boolean oneTime();

    /** The first occurrence at or after {@code anchor}; for {@code at()} its instant, wherever the anchor is. */
    abstract Optional<Instant> first(Instant anchor);

    /** The occurrence following {@code occurrence}. */
    abstract Optional<Instant> nextAfter(Instant occurrence);

    static final class At extends ScheduleExpression {
        private final Instant instant;

        At(Instant instant) {
            this.instant = instant;
        }

        @Override
        boolean oneTime() {
            return true;
        }

        @Override
        Optional<Instant> first(Instant anchor) {
            return Optional.of(instant);
        }

        @Override
        Optional<Instant> nextAfter(Instant occurrence) {
            return Optional.empty();
        }
    }

    static final class Rate extends ScheduleExpression {
        private final Duration period;

        Rate(Duration period) {
            this.period = period;
        }

        @Override
        boolean oneTime() {
            return false;
        }

        /** The anchor itself: a rate schedule invokes its target at its StartDate, or at once when it has none. */
        @Override
        Optional<Instant> first(Instant anchor) {
            return Optional.of(anchor);
        }

        @Override
        Optional<Instant> nextAfter(Instant occurrence) {
            return Optional.of(occurrence.plus(period));
        }
    }

    static final class Cron extends ScheduleExpression {
        private final CronExpression cron;

        Cron(CronExpression cron) {
            this.cron = cron;
        }

        @Override
        boolean oneTime() {
            return false;
        }

        @Override
        Optional<Instant> first(Instant anchor) {
            return cron.nextAfter(anchor.minusNanos(1));
        }

        @Override
        Optional<Instant> nextAfter(Instant occurrence) {
            return cron.nextAfter(occurrence);
        }
    }
}
