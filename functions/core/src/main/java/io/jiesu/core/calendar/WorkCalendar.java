package io.jiesu.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The national working-day calendar: Monday–Friday, minus the listed days off, plus the listed
 * make-up working days (调休). Immutable; {@link #withYear} gives a new calendar, so a year's list
 * published each November can be loaded at run time without a release.
 *
 * <p>A year with no list (or an empty one) counts Monday–Friday only: deadlines in it may then
 * fall on a public holiday, which {@link #warningsFor} reports so someone loads the list.
 */
public final class WorkCalendar {

    private static final String RESOURCE = "/holidays-cn/%d.json";
    // Wide enough for any list a deployment will ship; a missing resource costs one lookup.
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final Map<Integer, HolidayList> lists;
    // All listed days of all lists, so a list naming a day of a neighbouring year still counts.
    private final Map<LocalDate, Boolean> listedDays;

    private WorkCalendar(Map<Integer, HolidayList> lists) {
        this.lists = Map.copyOf(lists);
        Map<LocalDate, Boolean> days = new HashMap<>();
        // In year order, so a year's own list wins over a neighbour's list for the same day.
        new TreeMap<>(lists).forEach((year, list) -> list.offDays().forEach((day, off) -> {
            if (day.getYear() == year || !days.containsKey(day)) {
                days.put(day, off);
            }
        }));
        this.listedDays = Map.copyOf(days);
    }

    /** The lists shipped on the classpath under {@code holidays-cn/<year>.json}. */
    public static WorkCalendar bundled() {
        List<HolidayList> found = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            String name = String.format(RESOURCE, year);
            try (InputStream in = WorkCalendar.class.getResourceAsStream(name)) {
                if (in != null) {
                    found.add(HolidayList.parse(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return of(found);
    }

    public static WorkCalendar of(Collection<HolidayList> lists) {
        Map<Integer, HolidayList> byYear = new HashMap<>();
        for (HolidayList list : lists) {
            if (byYear.put(list.year(), list) != null) {
                throw new IllegalArgumentException("two holiday lists for " + list.year());
            }
        }
        return new WorkCalendar(byYear);
    }

    /** A new calendar with {@code list} in place of whatever was known for its year. */
    public WorkCalendar withYear(HolidayList list) {
        Objects.requireNonNull(list, "list");
        Map<Integer, HolidayList> copy = new HashMap<>(lists);
        copy.put(list.year(), list);
        return new WorkCalendar(copy);
    }

    public boolean hasListFor(int year) {
        HolidayList list = lists.get(year);
        return list != null && !list.isEmpty();
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean off = listedDays.get(day);
        if (off != null) {
            return !off;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** One message per year from {@code from} to {@code to} (inclusive) that has no list. */
    public List<String> warningsFor(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + to);
        }
        List<String> warnings = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!hasListFor(year)) {
                warnings.add("no holiday list for " + year + ": counting Monday–Friday only; "
                        + "load the State Council list for " + year);
            }
        }
        return warnings;
    }

    /** The n-th working day after {@code start}; the start day itself is not counted. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("working days to add must be at least 1, was " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        return plusWorkingDays(day, 1);
    }

    public LocalDate onOrNextWorkingDay(LocalDate day) {
        return isWorkingDay(day) ? day : nextWorkingDay(day);
    }
}
