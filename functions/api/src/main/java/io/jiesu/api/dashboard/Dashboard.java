package io.jiesu.api.dashboard;

import io.jiesu.core.rates.CentreFigures;
import io.jiesu.core.rates.Rates;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The big screen's figures: today, this hour and this month, and today hour by hour. */
public record Dashboard(@Schema(description = "today, 2026-11-22 (the deployment's time zone)") String day,
                        @Schema(description = "this hour of today, 0 to 23") int hour,
                        @Schema(description = "this month, 2026-11") String month,
                        Figures today, Figures thisHour, Figures thisMonth,
                        @Schema(description = "today's figures per hour from midnight to this hour") List<HourFigures> hours) {

    /**
     * Tickets taken in, dispatched, closed and gone overdue in the period, as they happened; taken in by category
     * and channel, the others by lead unit; and the period's rates (none for an hour: rates count whole days).
     */
    /**
     * answeredOnSpot: consultations an agent answered on the spot from the knowledge base (within closed);
     * deflected: citizens online whom an answer of the knowledge base spared filing at all.
     */
    public record Figures(long takenIn, long dispatched, long closed, long overdue, Map<String, Long> takenInByCategory,
                          Map<String, Long> takenInByChannel, List<UnitFigures> units, Rates rates,
                          long answeredOnSpot, long deflected) {
    }

    public record UnitFigures(String unitId, long dispatched, long closed, long overdue) {
    }

    public record HourFigures(int hour, long takenIn, long dispatched, long closed, long overdue) {
    }

    /** The figures of a period from its summed items (see CentreFigures for the names). */
    static Figures figures(Map<String, Long> sums, Rates rates) {
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byChannel = new TreeMap<>();
        Map<String, long[]> byUnit = new TreeMap<>();
        String category = CentreFigures.byCategory("");
        String channel = CentreFigures.byChannel("");
        List<String> unitFigures = List.of(CentreFigures.DISPATCHED, CentreFigures.CLOSED, CentreFigures.OVERDUE);
        sums.forEach((name, n) -> {
            if (name.startsWith(category)) {
                byCategory.put(name.substring(category.length()), n);
            } else if (name.startsWith(channel)) {
                byChannel.put(name.substring(channel.length()), n);
            } else {
                for (int i = 0; i < unitFigures.size(); i++) {
                    String prefix = CentreFigures.byUnit(unitFigures.get(i), "");
                    if (name.startsWith(prefix)) {
                        byUnit.computeIfAbsent(name.substring(prefix.length()), u -> new long[3])[i] = n;
                    }
                }
            }
        });
        List<UnitFigures> units = new ArrayList<>();
        byUnit.forEach((unit, n) -> units.add(new UnitFigures(unit, n[0], n[1], n[2])));
        return new Figures(get(sums, CentreFigures.TAKEN_IN), get(sums, CentreFigures.DISPATCHED),
                get(sums, CentreFigures.CLOSED), get(sums, CentreFigures.OVERDUE), byCategory, byChannel, units, rates,
                get(sums, CentreFigures.ANSWERED_ON_SPOT), get(sums, CentreFigures.DEFLECTED));
    }

    static HourFigures hour(Map<String, Long> day, int hour) {
        return new HourFigures(hour, get(day, CentreFigures.inHour(hour, CentreFigures.TAKEN_IN)),
                get(day, CentreFigures.inHour(hour, CentreFigures.DISPATCHED)),
                get(day, CentreFigures.inHour(hour, CentreFigures.CLOSED)),
                get(day, CentreFigures.inHour(hour, CentreFigures.OVERDUE)));
    }

    private static long get(Map<String, Long> sums, String name) {
        return sums.getOrDefault(name, 0L);
    }
}
