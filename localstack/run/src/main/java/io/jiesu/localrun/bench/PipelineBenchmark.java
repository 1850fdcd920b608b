package io.jiesu.localrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.localcloud.LocalAws;
import io.jiesu.localrun.LocalRun;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's speed on this machine, against the ceiling its store and queues allow here (not a test:
 * timings on a shared machine are noisy). Starts the local run (api and stage processes, emulators), then:
 * <ol>
 * <li>the ceiling, with the same SDK clients the functions use: conditional writes per second on DynamoDB Local,
 *     and send + receive + delete per second on ElasticMQ, 16 threads each;</li>
 * <li>intake over HTTP at 1, 4, 16 and 64 concurrent clients: tickets per second and latency p50/p95/p99, and the
 *     time from intake to dispatch (the tickets' own receivedAt and dispatchedAt);</li>
 * <li>full lives (intake, dispatch, sign, contact, reply, callback, close) by 16 concurrent clients;</li>
 * <li>the resident memory of every process at the end of the heaviest load.</li>
 * </ol>
 * <pre>bash localstack/bench.sh pipeline [--seconds 15] [--lives 400]</pre>
 */
public final class PipelineBenchmark {
    private static final int CEILING_THREADS = 16;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Args.number(args, "--seconds", 15);
        int lives = Args.number(args, "--lives", 400);
        Path root = io.jiesu.localrun.Main.findRoot();
        System.out.println("Starting the local run ...");
        try (LocalRun run = LocalRun.start(new LocalRun.Options(0, 0, 5, 30, root, Map.of()))) {
            System.out.printf("up in %.1f s; %d cores%n%n", run.startTime().toMillis() / 1000.0, Runtime.getRuntime().availableProcessors());
            double writes = dynamoCeiling(run, seconds);
            double messages = sqsCeiling(run, seconds);
            System.out.printf("Ceiling (same SDK clients, %d threads, %d s each)%n", CEILING_THREADS, seconds);
            System.out.printf("  DynamoDB Local conditional writes      %8.0f /s%n", writes);
            System.out.printf("  ElasticMQ send + receive + delete      %8.0f /s%n%n", messages);

            PipelineClient client = new PipelineClient(run, Duration.ofMinutes(5));
            System.out.println("Intake over HTTP (POST /v1/tickets, each its own ticket)");
            System.out.printf("  %-8s %-12s %-9s %-9s %-9s %-22s %-12s%n", "clients", "tickets/s", "p50 ms", "p95 ms", "p99 ms",
                    "intake→dispatch p50/p95", "÷ ceiling");
            Map<String, Long> heaviestRss = Map.of();
            double best = 0;
            for (int clients : new int[]{1, 4, 16, 64}) {
                Intake r = intake(client, clients, seconds);
                Map<String, Long> rss = ResidentMemory.residentKb(run);
                if (clients == 64) {
                    heaviestRss = rss;
                }
                long[] toDispatch = toDispatch(client, r.ids());
                best = Math.max(best, r.perSecond());
                System.out.printf("  %-8d %-12.0f %-9.0f %-9.0f %-9.0f %-22s %-12s%n", clients, r.perSecond(), r.percentile(50),
                        r.percentile(95), r.percentile(99), "%d / %d ms".formatted(toDispatch[0], toDispatch[1]),
                        "%.2f".formatted(r.perSecond() / writes));
            }
            System.out.println();
            System.out.printf("Full lives (intake → dispatch → sign → contact → reply → callback → closed), 16 clients, %d lives%n", lives);
            Instant begin = Instant.now();
            ExecutorService drivers = Executors.newFixedThreadPool(16);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                done.add(drivers.submit(() -> {
                    for (int n = next.getAndIncrement(); n < lives; n = next.getAndIncrement()) {
                        client.live(client.file(null, "暖气不热 第" + n + "户"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            drivers.shutdown();
            double lifeSeconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
            double livesPerSecond = lives / lifeSeconds;
            // a plain life is 8 ticket transactions (intake, dispatch, sign, contact, reply, callback window,
            // callback, close) and 3 stage messages (dispatch, reply, callback)
            System.out.printf("  %.1f lives/s (%.0f s): %.0f ticket transactions/s = %.2f of the write ceiling; %.0f stage messages/s = %.2f of the queue ceiling%n%n",
                    livesPerSecond, lifeSeconds, livesPerSecond * 8, livesPerSecond * 8 / writes, livesPerSecond * 3, livesPerSecond * 3 / messages);
            System.out.println("Resident memory (RSS) at the end of the 64-client intake:");
            heaviestRss.forEach((name, kb) -> System.out.printf("  %-40s %6.0f MB%n", name, kb / 1024.0));
            System.out.printf("%nBest intake %.0f tickets/s: a national day of 4.37 million calls would take %.1f hours here.%n",
                    best, 4_370_000 / best / 3600);
        }
        System.exit(0);
    }

    record Intake(List<String> ids, long[] nanos, double perSecond) {
        double percentile(int p) {
            long[] sorted = nanos.clone();
            java.util.Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }
    }

    private static Intake intake(PipelineClient client, int clients, int seconds) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        String token = client.token("agent", null);
        long begin = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    long t0 = System.nanoTime();
                    PipelineClient.Answer a = client.send("POST", "/v1/tickets", token, """
                            {"category":"complaint","channel":"phone","content":"暖气不热","citizenName":"张三",
                             "citizenPhone":"13812345678","location":"东城区和平里3号楼"}""", null);
                    if (a.status() == 201) {
                        nanos.add(System.nanoTime() - t0);
                        ids.add(a.body().path("id").asText());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double took = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        return new Intake(ids, nanos.stream().mapToLong(Long::longValue).toArray(), ids.size() / took);
    }

    /** p50 and p95 of dispatchedAt − receivedAt over (up to 200 of) the tickets, once they are dispatched. */
    private static long[] toDispatch(PipelineClient client, List<String> ids) {
        List<Long> millis = new ArrayList<>();
        int step = Math.max(1, ids.size() / 200);
        for (int i = 0; i < ids.size(); i += step) {
            JsonNode t = client.await(ids.get(i), "dispatched");
            millis.add(Duration.between(OffsetDateTime.parse(t.path("receivedAt").asText()),
                    OffsetDateTime.parse(t.path("dispatchedAt").asText())).toMillis());
        }
        if (millis.isEmpty()) {
            return new long[]{0, 0};
        }
        Collections.sort(millis);
        return new long[]{millis.get(millis.size() / 2), millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1))};
    }

    private static double dynamoCeiling(LocalRun run, int seconds) throws Exception {
        DynamoDbClient dynamo = LocalAws.dynamo(run.dynamoEndpoint());
        AtomicLong done = new AtomicLong();
        AtomicLong seq = new AtomicLong();
        return timed(seconds, () -> {
            long n = seq.incrementAndGet();
            dynamo.putItem(b -> b.tableName("jiesu-tickets")
                    .item(Map.of("PK", AttributeValue.fromS("BENCH#" + n), "SK", AttributeValue.fromS("X"),
                            "doc", AttributeValue.fromS("{\"state\":\"received\"}"), "version", AttributeValue.fromN("1")))
                    .conditionExpression("attribute_not_exists(PK)"));
            done.incrementAndGet();
        }, done);
    }

    private static double sqsCeiling(LocalRun run, int seconds) throws Exception {
        SqsClient sqs = LocalAws.sqs(run.sqsEndpoint());
        String url = sqs.createQueue(b -> b.queueName("jiesu-bench")).queueUrl();
        AtomicLong done = new AtomicLong();
        return timed(seconds, () -> {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"ticketId\":\"T-bench\",\"version\":1}"));
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1)).messages()) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                done.incrementAndGet();
            }
        }, done);
    }

    private static double timed(int seconds, Runnable op, AtomicLong done) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CEILING_THREADS);
        Instant warm = Instant.now().plusSeconds(2);
        while (Instant.now().isBefore(warm)) {
            op.run();
        }
        done.set(0);
        Instant end = Instant.now().plusSeconds(seconds);
        long begin = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < CEILING_THREADS; i++) {
            all.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    op.run();
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - begin) / 1e9);
    }
}
