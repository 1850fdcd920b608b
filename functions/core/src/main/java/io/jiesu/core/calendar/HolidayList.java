package io.jiesu.core.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * One year's State Council holiday list (节假日安排).
 *
 * @param year    the year the notice is for
 * @param offDays listed days: {@code true} = a day off, {@code false} = a weekend day made into a
 *                working day (调休). Ordinary weekends are not listed. A list may name a day of a
 *                neighbouring year (a New Year holiday starting on 31 December), so dates are not
 *                checked against {@code year}.
 * @param papers  the notices the list comes from
 */
public record HolidayList(int year, Map<LocalDate, Boolean> offDays, List<String> papers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public HolidayList {
        offDays = Map.copyOf(Objects.requireNonNull(offDays, "offDays"));
        papers = List.copyOf(Objects.requireNonNull(papers, "papers"));
    }

    /** An empty list: the notice for that year is not out yet. */
    public static HolidayList unpublished(int year) {
        return new HolidayList(year, Map.of(), List.of());
    }

    /** True when no days are listed, i.e. the year's notice is not published yet. */
    public boolean isEmpty() {
        return offDays.isEmpty();
    }

    /**
     * Reads the holiday-cn JSON shape:
     * {@code {"year":2026,"papers":[...],"days":[{"name":"春节","date":"2026-02-15","isOffDay":true}]}}.
     */
    public static HolidayList parse(InputStream json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read holiday list: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("holiday list is not a JSON object");
        }
        JsonNode yearNode = root.get("year");
        if (yearNode == null || !yearNode.isIntegralNumber() || !yearNode.canConvertToInt()) {
            throw new IllegalArgumentException("holiday list has no numeric 'year'");
        }
        int year = yearNode.intValue();
        JsonNode days = root.get("days");
        // An absent list is more likely a broken file than "not published"; only [] means that.
        if (days == null || !days.isArray()) {
            throw new IllegalArgumentException("holiday list " + year + " has no 'days' array");
        }
        return new HolidayList(year, days(year, days), papers(root.path("papers")));
    }

    private static Map<LocalDate, Boolean> days(int year, JsonNode days) {
        Map<LocalDate, Boolean> offDays = new TreeMap<>();
        for (JsonNode day : days) {
            JsonNode date = day.get("date");
            JsonNode off = day.get("isOffDay");
            if (date == null || !date.isTextual() || off == null || !off.isBoolean()) {
                throw new IllegalArgumentException(
                        "holiday list " + year + ": each day needs a text 'date' and a boolean 'isOffDay': " + day);
            }
            LocalDate d;
            try {
                d = LocalDate.parse(date.textValue());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("holiday list " + year + ": bad date '" + date.textValue() + "'", e);
            }
            Boolean before = offDays.put(d, off.booleanValue());
            // A day both off and a make-up working day is a broken list; refuse rather than guess.
            if (before != null && before != off.booleanValue()) {
                throw new IllegalArgumentException("holiday list " + year + ": " + d + " is listed both as off and as working");
            }
        }
        return offDays;
    }

    private static List<String> papers(JsonNode papers) {
        return papers.isArray()
                ? StreamSupport.stream(papers.spliterator(), false).map(JsonNode::asText).toList()
                : List.of();
    }
}
