package io.jiesu.core.rates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monthly ranking (月排名, docs/domain.md "The life of a ticket" 9) of units by a composite of their rates,
 * each weighed as {@link RateKind} says (satisfaction 30 %, on-time completion 25 %, response 15 %, the other
 * three 10 % each: what the hotline reports); a rate with nothing behind it counts as the unit's average of the
 * others. A unit with fewer dispatched tickets than the minimum is listed but not ranked (too few to judge fairly). Ties go to the
 * higher satisfaction, then the higher on-time completion, then the unit id (so the order is repeatable). The
 * bottom unit is flagged; one also at the bottom of the previous month is marked as bottom two months running.
 */
public final class Ranking {
    public record Entry(String unitId, Rates rates, Double score, Integer rank, boolean ranked, boolean bottom,
                        boolean bottomTwoMonthsRunning) {
    }

    private final int minimumDispatched;

    public Ranking(int minimumDispatched) {
        this.minimumDispatched = minimumDispatched;
    }

    /** The composite: each rate by its weight ({@link RateKind#weight()}), over the rates that have a value. */
    public static double score(Rates r) {
        double known = 0;
        double knownWeight = 0;
        for (RateKind kind : RateKind.values()) {
            Double value = r.rate(kind).value();
            if (value != null) {
                known += kind.weight() * value;
                knownWeight += kind.weight();
            }
        }
        return knownWeight == 0 ? 0 : known / knownWeight;
    }

    /** Ranks a month's units; previousBottom names the units flagged bottom the month before. */
    public List<Entry> rank(Map<String, Rates> byUnit, Set<String> previousBottom) {
        List<String> rankable = new ArrayList<>();
        List<String> unranked = new ArrayList<>();
        byUnit.forEach((unit, rates) -> (rates.counts().get(Counter.DISPATCHED) >= minimumDispatched ? rankable : unranked).add(unit));
        Comparator<String> order = Comparator.<String>comparingDouble(u -> -score(byUnit.get(u)))
                .thenComparingDouble(u -> -valueOr0(byUnit.get(u).satisfaction()))
                .thenComparingDouble(u -> -valueOr0(byUnit.get(u).onTimeCompletion()))
                .thenComparing(u -> u);
        rankable.sort(order);
        unranked.sort(Comparator.naturalOrder());
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < rankable.size(); i++) {
            String u = rankable.get(i);
            boolean bottom = i == rankable.size() - 1 && rankable.size() > 1;
            entries.add(new Entry(u, byUnit.get(u), score(byUnit.get(u)), i + 1, true, bottom,
                    bottom && previousBottom.contains(u)));
        }
        for (String u : unranked) {
            entries.add(new Entry(u, byUnit.get(u), score(byUnit.get(u)), null, false, false, false));
        }
        return entries;
    }

    private static double valueOr0(Rate r) {
        return r.value() == null ? 0 : r.value();
    }
}
