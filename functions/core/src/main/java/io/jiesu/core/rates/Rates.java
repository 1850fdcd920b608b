package io.jiesu.core.rates;

import java.util.EnumMap;
import java.util.Map;

import static io.jiesu.core.rates.RateKind.*;

/**
 * The hotline's six rates ({@link RateKind}, where each is defined) from a unit's counters over a period, with
 * the counts behind them. One component per rate, so that the API's JSON names each rate as it always has.
 */
public record Rates(Map<Counter, Long> counts, Rate response, Rate onTimeCompletion, Rate completion,
                    Rate firstTimeResolution, Rate resolution, Rate satisfaction, Rate dispatchAccuracy,
                    Rate routerDispatchAccuracy, Rate handDispatchAccuracy, Rate onTheSpotAnswer) {

    public static Rates of(Map<Counter, Long> totals) {
        Map<Counter, Long> c = new EnumMap<>(Counter.class);
        for (Counter k : Counter.values()) {
            c.put(k, totals.getOrDefault(k, 0L));
        }
        return new Rates(Map.copyOf(c), RESPONSE.of(c), ON_TIME_COMPLETION.of(c), COMPLETION.of(c),
                FIRST_TIME_RESOLUTION.of(c), RESOLUTION.of(c), SATISFACTION.of(c), DISPATCH_ACCURACY.of(c),
                ROUTER_DISPATCH_ACCURACY.of(c), HAND_DISPATCH_ACCURACY.of(c), ON_THE_SPOT_ANSWER.of(c));
    }

    /** One rate by its kind, for whoever goes through all six (the ranking, the digests). */
    public Rate rate(RateKind kind) {
        return switch (kind) {
            case RESPONSE -> response;
            case ON_TIME_COMPLETION -> onTimeCompletion;
            case COMPLETION -> completion;
            case FIRST_TIME_RESOLUTION -> firstTimeResolution;
            case RESOLUTION -> resolution;
            case SATISFACTION -> satisfaction;
            case DISPATCH_ACCURACY -> dispatchAccuracy;
            case ROUTER_DISPATCH_ACCURACY -> routerDispatchAccuracy;
            case HAND_DISPATCH_ACCURACY -> handDispatchAccuracy;
            case ON_THE_SPOT_ANSWER -> onTheSpotAnswer;
        };
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
