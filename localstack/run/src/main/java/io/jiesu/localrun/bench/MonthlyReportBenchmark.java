package io.jiesu.localrun.bench;

import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.rates.RateReports;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.CounterKey;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.localcloud.DynamoDbLocalServer;
import io.jiesu.localcloud.LocalAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How long the monthly report and ranking take with a month of N tickets behind them (not a test: timings on
 * a shared machine are noisy). For each N it loads into DynamoDB Local the counters that N ticket lives leave
 * over March 2026 (and February, which the ranking reads for "bottom two months running"), spread over the
 * units with a seeded random mix of outcomes, then times {@link RateReports} exactly as the API and the
 * monthly digest call it, and checks the report adds up to what was loaded.
 * <pre>bash localstack/bench.sh report [--tickets 10000,100000,1000000] [--units 100] [--runs 9]</pre>
 */
public final class MonthlyReportBenchmark {
    private static final YearMonth MONTH = YearMonth.of(2026, 3);

    private MonthlyReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String n : Args.value(args, "--tickets", "10000,100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(n.trim()));
        }
        int units = Args.number(args, "--units", 100);
        int runs = Args.number(args, "--runs", 9);
        System.out.printf("Monthly report and ranking over %s, %d units, DynamoDB Local in this JVM, median of %d runs%n",
                MONTH, units, runs);
        System.out.printf("%-12s %-16s %-14s %-16s %-12s%n", "tickets", "counter items", "load (s)", "report (ms)", "ranking (ms)");
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start(); DynamoDbClient dynamo = LocalAws.dynamo(server.endpoint())) {
            int table = 0;
            for (int tickets : sizes) {
                String name = "bench-" + (table++);
                CloudResources.createTable(dynamo, name);
                CatalogueStore catalogue = new CatalogueStore(dynamo, name, Clock.systemUTC());
                catalogue.replace(catalogue(units));
                TicketStore store = new TicketStore(dynamo, name, new PhoneHash("benchmark-key-0123456789"));
                long start = System.nanoTime();
                Map<Counter, Long> loaded = new EnumMap<>(Counter.class);
                int items = load(store, units, tickets, MONTH.minusMonths(1), loaded)
                        + load(store, units, tickets, MONTH, loaded);
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                RateReports reports = new RateReports(store, catalogue, 5);

                long[] report = new long[runs];
                long[] ranking = new long[runs];
                Map<String, Rates> monthRates = null;
                List<Ranking.Entry> ranked = null;
                for (int i = -2; i < runs; i++) { // two warm-up runs
                    long t0 = System.nanoTime();
                    monthRates = reports.units(MONTH.atDay(1), MONTH.atEndOfMonth());
                    long t1 = System.nanoTime();
                    ranked = reports.ranking(MONTH);
                    long t2 = System.nanoTime();
                    if (i >= 0) {
                        report[i] = t1 - t0;
                        ranking[i] = t2 - t1;
                    }
                }
                check(loaded, RateReports.overall(monthRates), ranked, units);
                System.out.printf("%-12d %-16d %-14.1f %-16.0f %-12.0f%n", tickets, items, loadSeconds,
                        median(report) / 1e6, median(ranking) / 1e6);
            }
        }
        System.out.println("report = every unit's rates for the month (GET /v1/rates); ranking = the month and the month"
                + " before (GET /v1/rankings/{month}, the monthly digest).");
        System.exit(0);
    }

    /**
     * Simulates the month's tickets and writes the counters they leave, one item per unit, day and shard (as
     * transitions leave them: transitions add to one of TicketStore.COUNTER_SHARDS items per unit and day).
     */
    private static int load(TicketStore store, int units, int tickets, YearMonth month, Map<Counter, Long> totals) throws Exception {
        Random random = new Random(month.hashCode() * 31L + tickets);
        WorkCalendar calendar = WorkCalendar.bundled();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            days.add(d);
        }
        Map<String, Map<Counter, Long>> items = new HashMap<>();
        for (int t = 0; t < tickets; t++) {
            // busier units get more tickets (log-uniform: unit i takes a share in proportion to log((i + 2) / (i + 1)))
            int unit = (int) Math.min(units - 1, Math.floor(Math.pow(units + 1.0, random.nextDouble())) - 1);
            LocalDate day = days.get(random.nextInt(days.size()));
            int shard = t % TicketStore.COUNTER_SHARDS;
            LocalDate due = calendar.plusWorkingDays(day, 1 + random.nextInt(15));
            LocalDate replied = day.plusDays(random.nextInt(10));
            boolean inTime = random.nextDouble() < 0.96;
            boolean reopened = random.nextDouble() < 0.03;
            add(items, totals, unit, day, shard, Counter.DISPATCHED, reopened ? 2 : 1);
            add(items, totals, unit, day, shard, random.nextDouble() < 0.97 ? Counter.SIGNED_IN_TIME : Counter.SIGNED_LATE, 1);
            add(items, totals, unit, due, shard, Counter.DUE, 1);
            if (random.nextDouble() < 0.02) {
                add(items, totals, unit, day, shard, Counter.RETURNED, 1);
            }
            add(items, totals, unit, replied, shard, Counter.REPLIED, 1);
            if (inTime) {
                add(items, totals, unit, replied, shard, Counter.REPLIED_IN_TIME, 1);
            } else {
                add(items, totals, unit, due, shard, Counter.OVERDUE, 1);
            }
            if (reopened) {
                add(items, totals, unit, replied, shard, Counter.REOPENED, 1);
            }
            LocalDate closed = replied.plusDays(1 + random.nextInt(3));
            // counted on the day it was due, beside DUE (docs/rates.md)
            add(items, totals, unit, due, shard, Counter.CLOSED, 1);
            if (!reopened) {
                add(items, totals, unit, due, shard, Counter.CLOSED_FIRST_TIME, 1);
            }
            add(items, totals, unit, closed, shard, Counter.RATED, 1);
            double r = random.nextDouble();
            add(items, totals, unit, closed, shard, r < 0.90 ? Counter.SATISFIED : r < 0.97 ? Counter.BASICALLY_SATISFIED : Counter.UNSATISFIED, 1);
            add(items, totals, unit, closed, shard, Counter.ANSWERED, 1);
            if (random.nextDouble() < 0.93) {
                add(items, totals, unit, closed, shard, Counter.SOLVED, 1);
            }
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = new ArrayList<>();
        items.forEach((key, deltas) -> writes.add(writers.submit(() -> {
            String[] k = key.split("\\|");
            store.addCounters(new CounterKey(k[0], LocalDate.parse(k[1])), Integer.parseInt(k[2]), deltas);
        })));
        for (Future<?> w : writes) {
            w.get();
        }
        writers.shutdown();
        return items.size();
    }

    private static void add(Map<String, Map<Counter, Long>> items, Map<Counter, Long> totals, int unit, LocalDate day,
                            int shard, Counter c, long n) {
        items.computeIfAbsent(unitId(unit) + "|" + day + "|" + shard, k -> new EnumMap<>(Counter.class)).merge(c, n, Long::sum);
        if (YearMonth.from(day).equals(MONTH)) {
            totals.merge(c, n, Long::sum);
        }
    }

    /** The report must add up to what was loaded for the month, and rank every unit with enough tickets. */
    private static void check(Map<Counter, Long> loaded, Rates overall, List<Ranking.Entry> ranking, int units) {
        for (Counter c : Counter.values()) {
            if (!overall.counts().get(c).equals(loaded.getOrDefault(c, 0L))) {
                throw new IllegalStateException(c + ": the report says " + overall.counts().get(c) + ", " + loaded.get(c) + " were loaded");
            }
        }
        if (ranking.size() != units) {
            throw new IllegalStateException("the ranking lists " + ranking.size() + " units of " + units);
        }
    }

    private static RoutingCatalogue catalogue(int units) {
        List<HandlingUnit> list = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            list.add(new HandlingUnit(unitId(i), "单位" + i));
        }
        return new RoutingCatalogue(list, List.of());
    }

    private static String unitId(int i) {
        return "unit-%03d".formatted(i);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

}
