package io.jiesu.aws.rates;

import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.catalogue.HandlingUnit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The rates and the ranking from the units' daily counters (units × days items, never the ticket table), for
 * the API and the digests alike. The units' counters are read in parallel: each unit is one query, so a
 * month's report costs the slowest unit's query, not the sum of them.
 */
public class RateReports {
    private static final int PARALLEL_QUERIES = 8;

    private final Counters store;
    private final CatalogueStore catalogue;
    private final int minimumToRank;
    private final ExecutorService readers = Executors.newFixedThreadPool(PARALLEL_QUERIES, r -> {
        Thread t = new Thread(r, "counter-reader");
        t.setDaemon(true);
        return t;
    });

    /** @param minimumToRank units with fewer dispatched tickets in the month are listed but not ranked */
    public RateReports(Counters store, CatalogueStore catalogue, int minimumToRank) {
        this.store = store;
        this.catalogue = catalogue;
        this.minimumToRank = minimumToRank;
    }

    public int minimumToRank() {
        return minimumToRank;
    }

    public List<HandlingUnit> units() {
        return catalogue.current().units();
    }

    public Rates unit(String unitId, LocalDate from, LocalDate to) {
        return Rates.of(Rates.sum(store.counters(unitId, from, to).values()));
    }

    /** These units' counters per day from..to, in their order. */
    public Map<String, Map<LocalDate, Map<Counter, Long>>> days(List<HandlingUnit> units, LocalDate from, LocalDate to) {
        List<CompletableFuture<Map<LocalDate, Map<Counter, Long>>>> reads = units.stream()
                .map(u -> CompletableFuture.supplyAsync(() -> store.counters(u.id(), from, to), readers)).toList();
        Map<String, Map<LocalDate, Map<Counter, Long>>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            byUnit.put(units.get(i).id(), reads.get(i).join());
        }
        return byUnit;
    }

    /** Every unit's rates from..to, in catalogue order. */
    public Map<String, Rates> units(LocalDate from, LocalDate to) {
        return rates(units(), from, to);
    }

    /** These units' rates from..to, in their order. */
    public Map<String, Rates> rates(List<HandlingUnit> units, LocalDate from, LocalDate to) {
        Map<String, Rates> byUnit = new LinkedHashMap<>();
        days(units, from, to).forEach((unit, days) -> byUnit.put(unit, Rates.of(Rates.sum(days.values()))));
        return byUnit;
    }

    /** All units together. */
    public static Rates overall(Map<String, Rates> byUnit) {
        return Rates.of(Rates.sum(byUnit.values().stream().map(Rates::counts).toList()));
    }

    /** The month's ranking; a unit also at the bottom the month before is marked bottom two months running. */
    public List<Ranking.Entry> ranking(YearMonth month) {
        return ranking(month, units(month.atDay(1), month.atEndOfMonth()));
    }

    /** The same, for a month whose rates were read already. */
    public List<Ranking.Entry> ranking(YearMonth month, Map<String, Rates> monthRates) {
        Ranking ranking = new Ranking(minimumToRank);
        YearMonth before = month.minusMonths(1);
        Set<String> previousBottom = ranking.rank(units(before.atDay(1), before.atEndOfMonth()), Set.of()).stream()
                .filter(Ranking.Entry::bottom).map(Ranking.Entry::unitId).collect(Collectors.toSet());
        return ranking.rank(monthRates, previousBottom);
    }
}
