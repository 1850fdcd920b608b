package io.jiesu.localrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.deadline.Timer;
import io.jiesu.core.deadline.TimerKind;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.TicketEvent;
import io.jiesu.localcloud.LocalAws;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import io.jiesu.localcloud.chaos.FaultInjectingProxy.Fault;
import io.jiesu.localrun.LocalRun;
import io.jiesu.localrun.chaos.Chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thousands of full ticket lives while faults are injected: a share of SQS sends fail (before or after SQS took
 * the message) or go twice (delivered twice), a share of DynamoDB writes and reads fail (before or after they
 * were done), and a stage process is killed mid-batch and restarted every few seconds. Then, faults off, it
 * checks that every ticket is accounted for (closed, or else what it still waits on), that no transition was
 * applied twice (each ticket's history), and that the counters equal a recount from the tickets' histories.
 * <pre>bash localstack/bench.sh chaos [--lives 3000] [--clients 16] [--kill-every 10]</pre>
 * A small version runs in the test command (ChaosEndToEndTest).
 */
public final class ChaosRun {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The share of the scheduler's firings that never arrive. */
    static final double DROPPED_FIRINGS = 0.3;
    /** The event each timer's firing records. */
    private static final Map<TimerKind, EventType> FIRES = Map.of(TimerKind.DISPATCH_DUE, EventType.DISPATCH_OVERDUE,
            TimerKind.SIGN_DUE, EventType.SIGN_OVERDUE, TimerKind.REPLY_REMINDER, EventType.REPLY_REMINDED,
            TimerKind.REPLY_DUE, EventType.REPLY_OVERDUE, TimerKind.ESCALATION, EventType.ESCALATED,
            TimerKind.CALLBACK_DUE, EventType.TICKET_CLOSED);

    /** The faults of a chaos run: what share of which calls fail or repeat. */
    public static Chaos faults(long seed) {
        return new Chaos(List.of(
                new Fault("DynamoDB_20120810.TransactWriteItems", 0.05, 0.05, 0),
                new Fault("DynamoDB_20120810.PutItem", 0.05, 0.05, 0),
                new Fault("DynamoDB_20120810.UpdateItem", 0.05, 0.05, 0),
                new Fault("DynamoDB_20120810.DeleteItem", 0.05, 0.05, 0),
                new Fault("DynamoDB_20120810.GetItem", 0.05, 0, 0),
                new Fault("DynamoDB_20120810.Query", 0.05, 0, 0)),
                List.of(new Fault("AmazonSQS.SendMessage", 0.10, 0.05, 0.10)), seed, DROPPED_FIRINGS);
    }

    public record Report(int lives, int closed, Map<String, String> notClosed, List<String> appliedTwice,
                         Map<String, Long> counted, Map<String, Long> recounted, int kills,
                         Map<String, Long> injected, Duration took, Deadlines deadlines, Map<String, Duration> phases) {
        public boolean countersMatch() {
            return counted.equals(recounted);
        }

        public boolean ok() {
            return closed == lives && notClosed.isEmpty() && appliedTwice.isEmpty() && countersMatch()
                    && deadlines.problems().isEmpty();
        }

        public String summary() {
            StringBuilder s = new StringBuilder();
            s.append("Chaos run: %d lives in %.0f s, %d stage processes killed and restarted, %d faults injected%n"
                    .formatted(lives, took.toMillis() / 1000.0, kills, injected.values().stream().mapToLong(Long::longValue).sum()));
            // where the time went, so a slow run can be told apart from a stuck one
            s.append("  phases:");
            phases.forEach((phase, d) -> s.append(" %s %.1f s;".formatted(phase, d.toMillis() / 1000.0)));
            s.append("\n");
            injected.forEach((k, v) -> s.append("  %-60s %d%n".formatted(k, v)));
            s.append("  every ticket accounted for: %s (%d of %d closed)%s%n".formatted(notClosed.isEmpty() ? "yes" : "NO",
                    closed, lives, notClosed.isEmpty() ? "" : " " + notClosed));
            s.append("  no transition applied twice: %s%s%n".formatted(appliedTwice.isEmpty() ? "yes" : "NO",
                    appliedTwice.isEmpty() ? "" : " " + appliedTwice));
            s.append("  counters equal a recount from the histories: %s%n".formatted(countersMatch() ? "yes" : "NO"));
            s.append("    counted   ").append(counted).append("\n    recounted ").append(recounted).append("\n");
            s.append("  every deadline fired exactly once, never early: %s (%d tickets left unsigned, %d deadlines, %d firings dropped)%s%n"
                    .formatted(deadlines.problems().isEmpty() ? "yes" : "NO", deadlines.tickets(), deadlines.fired(),
                            deadlines.dropped(), deadlines.problems().isEmpty() ? "" : " " + deadlines.problems()));
            return s.toString();
        }
    }

    /** The deadline part: tickets left unsigned, how many deadlines fell due, firings dropped, what went wrong. */
    public record Deadlines(int tickets, int fired, long dropped, List<String> problems) {
    }

    private ChaosRun() {
    }

    /**
     * How big a chaos run is: lives driven by that many clients; a stage killed {@code killEvery} after the last
     * restarted one took its first batch, at most {@code mostKills} times; tickets left unsigned for the deadlines.
     */
    public record Size(int lives, int clients, Duration killEvery, int mostKills, int leftUnsigned) {
    }

    /** Drives the lives on a run started with {@link #faults} and checks them; the run is left up. */
    public static Report drive(LocalRun run, int lives, int clients, Duration killEvery, long seed) throws Exception {
        return drive(run, new Size(lives, clients, killEvery, Integer.MAX_VALUE, LEFT_UNSIGNED), seed);
    }

    /** The same, sized by {@code size}. */
    public static Report drive(LocalRun run, Size size, long seed) throws Exception {
        int lives = size.lives();
        int clients = size.clients();
        Duration killEvery = size.killEvery();
        Instant begin = Instant.now();
        Map<String, Duration> phases = new java.util.LinkedHashMap<>();
        PipelineClient client = new PipelineClient(run, Duration.ofMinutes(3));
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger kills = new AtomicInteger();
        ExecutorService drivers = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            done.add(drivers.submit(() -> {
                for (int n = next.getAndIncrement(); n < lives; n = next.getAndIncrement()) {
                    String id = client.file("chaos-" + seed + "-" + n, "暖气不热 第" + n + "户");
                    ids.add(id);
                    client.live(id);
                }
                return null;
            }));
        }
        // kill a stage on the life's path every so often, mid-batch, and start it again
        Thread killer = new Thread(() -> {
            Random random = new Random(seed);
            List<QueueName> onThePath = List.of(QueueName.DISPATCH, QueueName.REPLY, QueueName.CALLBACK);
            try {
                while (!Thread.currentThread().isInterrupted() && kills.get() < size.mostKills()) {
                    Thread.sleep(killEvery.toMillis());
                    QueueName stage = onThePath.get(random.nextInt(onThePath.size()));
                    var mapping = run.mapping(stage);
                    // mid-batch: while the stage holds a batch it has not answered (or, if none comes soon, anyway)
                    awaitOrTimeout(() -> mapping.batchesInFlight() > 0, killEvery);
                    long served = mapping.batchesDelivered();
                    run.killAndRestart(stage);
                    kills.incrementAndGet();
                    // the next kill only once the fresh process has taken a batch: on a slow machine the pipeline
                    // would otherwise spend the whole run waiting for restarting JVMs
                    awaitOrTimeout(() -> mapping.batchesDelivered() > served, Duration.ofMinutes(1));
                }
            } catch (InterruptedException e) {
                // the lives are done
            }
        }, "chaos-killer");
        killer.start();
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        killer.interrupt();
        killer.join();
        drivers.shutdown();
        Instant lived = Instant.now();
        phases.put("lives", Duration.between(begin, lived));
        // faults off: whatever is still in flight must now arrive
        run.faultProxies().forEach(p -> p.calm());
        Map<String, Long> injected = new TreeMap<>();
        run.faultProxies().forEach(p -> injected.putAll(p.injected()));
        Report r = check(run, client, ids, kills.get(), injected, begin, failures);
        Instant checked = Instant.now();
        phases.put("settle and check", Duration.between(lived, checked));
        Deadlines deadlines = deadlines(run, client, size.leftUnsigned(), seed);
        phases.put("deadlines", Duration.between(checked, Instant.now()));
        return new Report(r.lives(), r.closed(), r.notClosed(), r.appliedTwice(), r.counted(), r.recounted(), r.kills(),
                r.injected(), Duration.between(begin, Instant.now()), deadlines, phases);
    }

    /** Waits until {@code condition} holds or {@code timeout} has passed. */
    private static void awaitOrTimeout(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
    }

    /** Tickets left unsigned while the clock travels through their whole supervision ladder. */
    static final int LEFT_UNSIGNED = 8;

    /**
     * The deadlines: tickets are left unsigned and the clock travels from one deadline to the next until none is
     * left (sign overdue, reminder, reply overdue, two escalations), while the scheduler drops a share of its
     * firings and the reconciler runs every second. Every deadline must act exactly once, never before its instant,
     * and no schedule may be left over.
     */
    private static Deadlines deadlines(LocalRun run, PipelineClient client, int tickets, long seed) {
        run.reconcileEvery(Duration.ofSeconds(1));
        TicketStore store = new TicketStore(run.dynamo(), CloudResources.TABLE, new PhoneHash("chaos-run-reads-tickets-only"));
        TicketTimers timers = new TicketTimers(new io.jiesu.core.deadline.Deadlines(WorkCalendar.bundled(), Policy.defaults()));
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < tickets; n++) {
            ids.add(client.file("chaos-" + seed + "-late-" + n, "暖气不热 无人签收 第" + n + "户"));
        }
        ids.forEach(id -> client.await(id, "dispatched"));
        Map<String, List<Timer>> due = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (problems.isEmpty()) {
            Map<String, Timer> pending = new TreeMap<>();
            ids.forEach(id -> store.find(id).flatMap(timers::next).ifPresent(t -> pending.put(id, t)));
            if (pending.isEmpty()) {
                break;
            }
            // to the earliest deadline and a minute on: the tickets were dispatched within seconds of each other
            Instant target = pending.values().stream().map(Timer::at).min(Instant::compareTo).orElseThrow().plusSeconds(60);
            Map<String, Timer> falling = new TreeMap<>();
            pending.forEach((id, t) -> {
                if (!t.at().isAfter(target)) {
                    falling.put(id, t);
                    due.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
                }
            });
            if (run.clock().instant().isBefore(target)) {
                run.travelTo(target);
            }
            while (falling.entrySet().stream().anyMatch(e -> store.find(e.getKey()).flatMap(timers::next).equals(Optional.of(e.getValue())))) {
                if (Instant.now().isAfter(giveUp)) {
                    falling.forEach((id, t) -> {
                        if (store.find(id).flatMap(timers::next).equals(Optional.of(t))) {
                            problems.add(id + " " + t.kind().code() + " due " + t.at() + " never fired");
                        }
                    });
                    break;
                }
                PipelineClient.pause(200);
            }
        }
        // every deadline that fell due acted once (its event), never before its instant; no schedule is left over
        for (String id : ids) {
            List<TicketEvent> history = store.history(id);
            Map<EventType, List<Instant>> acted = new TreeMap<>();
            history.forEach(e -> {
                if (FIRES.containsValue(e.type()) && e.actor().role() == io.jiesu.core.ticket.Role.SYSTEM) {
                    acted.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e.at());
                }
            });
            Map<EventType, List<Instant>> expected = new TreeMap<>();
            due.getOrDefault(id, List.of()).forEach(t -> expected.computeIfAbsent(FIRES.get(t.kind()), k -> new ArrayList<>()).add(t.at()));
            if (!expected.keySet().equals(acted.keySet()) || expected.entrySet().stream()
                    .anyMatch(e -> e.getValue().size() != acted.get(e.getKey()).size())) {
                problems.add(id + " deadlines " + expected + " but acted " + acted);
                continue;
            }
            expected.forEach((type, instants) -> {
                for (int i = 0; i < instants.size(); i++) {
                    if (acted.get(type).get(i).isBefore(instants.get(i))) {
                        problems.add(id + " " + type.code() + " acted at " + acted.get(type).get(i) + ", before " + instants.get(i));
                    }
                }
            });
        }
        // a ticket's last schedule goes after its deadline acted (it deletes itself once fired; the reconciler removes
        // one whose firing was dropped): under load that lags the history, so the schedules get a minute more to go
        try (SchedulerClient scheduler = LocalAws.scheduler(run.schedulerEndpoint())) {
            ScheduledTimers scheduled = new ScheduledTimers(scheduler, timers, CloudResources.SCHEDULE_GROUP, "", "");
            java.util.function.Supplier<java.util.Set<String>> left = () -> {
                java.util.Set<String> withTimer = scheduled.ticketsWithTimer();
                withTimer.retainAll(ids);
                return withTimer;
            };
            try {
                awaitOrTimeout(() -> left.get().isEmpty(), Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            java.util.Set<String> leftOver = left.get();
            if (!leftOver.isEmpty()) {
                problems.add("schedules left over for " + leftOver);
            }
        }
        run.reconcileEvery(LocalRun.rate(CloudResources.RECONCILE_SCHEDULE));
        return new Deadlines(tickets, due.values().stream().mapToInt(List::size).sum(), run.firingsDropped(), problems);
    }

    private static Report check(LocalRun run, PipelineClient client, List<String> ids, int kills,
                                Map<String, Long> injected, Instant begin, List<Throwable> failures) {
        Map<String, String> notClosed = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        Map<String, Long> recount = new TreeMap<>();
        int closed = 0;
        // one deadline for all: what is still in flight (a redelivery, the relay) has three minutes to land
        Instant settled = Instant.now().plus(Duration.ofMinutes(3));
        for (String id : ids) {
            JsonNode t = client.ticket(id);
            while ((t == null || !t.path("state").asText().equals("closed")) && Instant.now().isBefore(settled)) {
                PipelineClient.pause(200);
                t = client.ticket(id);
            }
            boolean isClosed = t != null && t.path("state").asText().equals("closed");
            if (isClosed) {
                closed++;
            } else {
                notClosed.put(id, t == null ? "unreadable" : t.path("state").asText());
            }
            Map<String, Integer> types = new TreeMap<>();
            java.util.Set<Long> versions = new java.util.HashSet<>();
            for (JsonNode e : client.history(id)) {
                types.merge(e.path("type").asText(), 1, Integer::sum);
                if (!versions.add(e.path("version").asLong())) {
                    twice.add(id + " version " + e.path("version").asLong());
                }
            }
            // a closed life holds each of these once; an open one at most once
            PipelineClient.ONCE_PER_LIFE.forEach(type -> {
                int n = types.getOrDefault(type, 0);
                if (n > 1 || (isClosed && n != 1)) {
                    twice.add(id + " " + type + " × " + n);
                }
            });
            // the recount: what the history says happened, counted as the hotline counts (open tickets too)
            recount.merge("dispatched", (long) types.getOrDefault("ticket_dispatched", 0) + types.getOrDefault("ticket_reopened", 0), Long::sum);
            recount.merge("due", (long) types.getOrDefault("ticket_dispatched", 0), Long::sum);
            recount.merge("signed", (long) types.getOrDefault("ticket_signed", 0), Long::sum);
            recount.merge("replied", (long) types.getOrDefault("ticket_replied", 0), Long::sum);
            recount.merge("rated", (long) types.getOrDefault("callback_recorded", 0), Long::sum);
            recount.merge("closed", (long) types.getOrDefault("ticket_closed", 0), Long::sum);
        }
        for (int i = 0; i < failures.size(); i++) {
            notClosed.put("driver " + (i + 1), String.valueOf(failures.get(i).getMessage()));
        }
        LocalDate today = LocalDate.now(run.clock().withZone(SHANGHAI));
        JsonNode counts = client.get("/v1/rates?from=" + today.minusDays(1) + "&to=" + today.plusDays(60), "supervisor")
                .path("overall").path("counts");
        Map<String, Long> counted = new TreeMap<>();
        counted.put("dispatched", counts.path("dispatched").asLong());
        counted.put("signed", counts.path("signed_in_time").asLong() + counts.path("signed_late").asLong());
        counted.put("replied", counts.path("replied").asLong());
        counted.put("rated", counts.path("rated").asLong());
        counted.put("closed", counts.path("closed").asLong());
        counted.put("due", counts.path("due").asLong());
        return new Report(ids.size(), closed, notClosed, twice, counted, recount, kills, injected, Duration.between(begin, Instant.now()), null, Map.of());
    }

    public static void main(String[] args) throws Exception {
        int lives = Args.number(args, "--lives", 3000);
        int clients = Args.number(args, "--clients", 16);
        int killEvery = Args.number(args, "--kill-every", 10);
        Path root = io.jiesu.localrun.Main.findRoot();
        long seed = 42;
        System.out.printf("Starting a local run with faults (seed %d) ...%n", seed);
        try (LocalRun run = LocalRun.start(new LocalRun.Options(0, 0, 5, 5, root, Map.of()).withChaos(faults(seed)))) {
            Report r = drive(run, lives, clients, Duration.ofSeconds(killEvery), seed);
            System.out.print(r.summary());
            System.out.println("RSS (kB) at the end: " + ResidentMemory.residentKb(run));
            System.exit(r.ok() ? 0 : 1);
        }
    }
}
