package io.jiesu.localcloud.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jiesu.localcloud.LoopbackHttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of an emulator (DynamoDB Local, ElasticMQ) that injects the faults a cloud service
 * has, for chaos runs: a share of the calls to an operation (named by the AWS JSON protocol's
 * {@code X-Amz-Target}, e.g. {@code AmazonSQS.SendMessage}, {@code DynamoDB_20120810.TransactWriteItems})
 * <ul>
 * <li>fails before it reaches the emulator ({@code failBefore}: a 500, nothing done);</li>
 * <li>fails after the emulator did it ({@code failAfter}: done, but the caller hears a 500 and retries);</li>
 * <li>is done twice ({@code duplicate}: e.g. a message sent twice, so it is delivered twice).</li>
 * </ul>
 * Choices come from a seeded random, so a run can be repeated. Every other call passes through untouched.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** The faults for the operations whose target starts with {@code operation}. Shares are 0..1. */
    public record Fault(String operation, double failBefore, double failAfter, double duplicate) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final URI target;
    private final List<Fault> faults;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;
    private final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(32, io.jiesu.localcloud.DaemonThreads.named("fault-proxy"));

    private FaultInjectingProxy(URI target, List<Fault> faults, long seed) throws IOException {
        this.target = target;
        this.faults = List.copyOf(faults);
        this.random = new Random(seed);
        server = LoopbackHttpServer.create(0, 256);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    public static FaultInjectingProxy start(URI target, List<Fault> faults, long seed) {
        try {
            return new FaultInjectingProxy(target, faults, seed);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fault-injecting proxy", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops injecting (everything passes through), e.g. to let a chaos run settle before it is checked. */
    public void calm() {
        enabled = false;
    }

    /** How many faults of each kind were injected, by operation: "fail-before DynamoDB_20120810.PutItem" → n. */
    public Map<String, Long> injected() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        injected.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Fault fault = operation == null || !enabled ? null
                    : faults.stream().filter(f -> operation.startsWith(f.operation())).findFirst().orElse(null);
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            if (fault != null && roll < fault.failBefore()) {
                count("fail-before", operation);
                error(exchange);
                return;
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            if (fault != null && roll < fault.failBefore() + fault.failAfter()) {
                count("fail-after", operation);
                error(exchange);
                return;
            }
            if (fault != null && roll < fault.failBefore() + fault.failAfter() + fault.duplicate()) {
                count("duplicate", operation);
                forward(exchange, body);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the caller sees a broken connection, as with a real network fault
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void count(String kind, String operation) {
        injected.computeIfAbsent(kind + " " + operation, k -> new AtomicLong()).incrementAndGet();
    }

    private static void error(HttpExchange exchange) throws IOException {
        byte[] body = "{\"__type\":\"InternalServerError\",\"message\":\"injected by the chaos run\"}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(500, body.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
