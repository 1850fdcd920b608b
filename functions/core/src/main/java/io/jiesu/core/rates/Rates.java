package io.jiesu.core.rates;

import java.util.EnumMap;
import java.util.Map;

/**
 * The hotline's rates (DOMAIN.md, "Evaluation") from a unit's counters over a period, with the counts behind
 * them. Each is a cohort (docs/rates.md): the numerator counts some of the tickets the denominator counts, so
 * every rate lies within 0..1 for any range of days:
 * <ul>
 * <li>response (响应率): of the dispatches in the period, those signed within the sign window;</li>
 * <li>on-time completion (按时办结率): replied by the deadline ÷ replied;</li>
 * <li>completion (办结率): of the tickets whose reply fell due in the period, those closed (whenever);</li>
 * <li>first-time resolution (一次办结率): of those closed, those closed without reopening;</li>
 * <li>resolution (解决率): rated solved ÷ rated, where rated means the citizen answered the callback (an
 * unanswered callback says nothing of whether the problem was solved);</li>
 * <li>satisfaction (满意率): (satisfied + basically satisfied) ÷ rated, an unanswered callback counting as
 * basically satisfied.</li>
 * </ul>
 */
public record Rates(Map<Counter, Long> counts, Rate response, Rate onTimeCompletion, Rate completion,
                    Rate firstTimeResolution, Rate resolution, Rate satisfaction) {

    public static Rates of(Map<Counter, Long> totals) {
        Map<Counter, Long> c = new EnumMap<>(Counter.class);
        for (Counter k : Counter.values()) {
            c.put(k, totals.getOrDefault(k, 0L));
        }
        return new Rates(Map.copyOf(c),
                new Rate(c.get(Counter.SIGNED_IN_TIME), c.get(Counter.DISPATCHED)),
                new Rate(c.get(Counter.REPLIED_IN_TIME), c.get(Counter.REPLIED)),
                new Rate(c.get(Counter.CLOSED), c.get(Counter.DUE)),
                new Rate(c.get(Counter.CLOSED_FIRST_TIME), c.get(Counter.CLOSED)),
                new Rate(c.get(Counter.SOLVED), c.get(Counter.ANSWERED)),
                new Rate(c.get(Counter.SATISFIED) + c.get(Counter.BASICALLY_SATISFIED), c.get(Counter.RATED)));
    }

    /** Adds up counters of several days (or units). */
    public static Map<Counter, Long> sum(Iterable<Map<Counter, Long>> parts) {
        Map<Counter, Long> total = new EnumMap<>(Counter.class);
        for (Map<Counter, Long> p : parts) {
            p.forEach((k, v) -> total.merge(k, v, Long::sum));
        }
        return total;
    }
}
