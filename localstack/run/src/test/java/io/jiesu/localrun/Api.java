package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** A small HTTP client for the running api, as a front-end would use it. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final LocalRun run;

    Api(LocalRun run) {
        this.run = run;
    }

    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String text(String field) {
            return body.path(field).asText(null);
        }
    }

    String token(String role) {
        return run.mint().mint(role + "-e2e", role, null, Duration.ofHours(1));
    }

    String unitToken(String unit) {
        return run.mint().mint("staff-" + unit, "unit", unit, Duration.ofHours(1));
    }

    String reviewerToken(String unit) {
        return run.mint().mint("reviewer-" + unit, "reviewer", unit, Duration.ofHours(1));
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    Reply post(String path, String token, String json) {
        return post(path, token, json, null);
    }

    Reply post(String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b.build());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(run.api() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Every answer the end-to-end tests saw, for OpenApiMatchesResponsesEndToEndTest to hold the document to. */
    record Seen(String method, String path, int status, String contentType, String body) {
    }

    static final java.util.Queue<Seen> SEEN = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final int KEEP_AT_MOST = 20_000;

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (SEEN.size() < KEEP_AT_MOST) {
                SEEN.add(new Seen(request.method(), request.uri().getRawPath(), r.statusCode(),
                        r.headers().firstValue("Content-Type").orElse(null), r.body()));
            }
            JsonNode body = r.body() == null || r.body().isBlank() || !looksLikeJson(r.body()) ? JSON.nullNode() : JSON.readTree(r.body());
            return new Reply(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean looksLikeJson(String body) {
        String b = body.strip();
        return b.startsWith("{") || b.startsWith("[") || b.startsWith("\"");
    }

    /** A ticket sent down by the local run's demo province, signed with its secret on the run's clock. */
    Reply fromProvince(String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long now = run.clock().instant().getEpochSecond();
        String signature = new io.jiesu.core.province.ProvinceSignature(LocalRun.DEMO_PROVINCE_SECRET).sign(now, bytes);
        return send(request("/v1/province/" + LocalRun.DEMO_PROVINCE + "/tickets", null)
                .header("Content-Type", "application/json")
                .header(io.jiesu.core.province.ProvinceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(io.jiesu.core.province.ProvinceSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** Polls the ticket until the condition holds: the stages work asynchronously. */
    JsonNode awaitTicket(String id, String token, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            Reply r = get("/v1/tickets/" + id, token);
            last = r.body();
            if (r.status() == 200 && condition.test(last)) {
                return last;
            }
            sleep(150);
        }
        return fail("ticket " + id + " never became " + what + "; last seen: " + last);
    }

    /** Waits until a queue holds no message, visible, in flight or delayed: everything sent to it was handled. */
    void awaitQueueDrained(io.jiesu.aws.resources.QueueName queue) {
        Instant deadline = Instant.now().plusSeconds(30);
        java.util.Map<String, String> last = java.util.Map.of();
        while (Instant.now().isBefore(deadline)) {
            last = run.sqs().getQueueAttributes(b -> b.queueUrl(run.queueUrl(queue)).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                    "ApproximateNumberOfMessagesDelayed")).attributesAsStrings();
            if (last.values().stream().allMatch("0"::equals)) {
                return;
            }
            sleep(150);
        }
        fail("queue " + queue + " never drained; last seen: " + last);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String complaint(String content) {
        return """
                {"category":"complaint","channel":"phone","content":"%s","citizenName":"张三",
                 "citizenPhone":"13812345678","location":"东城区和平里3号楼"}""".formatted(content);
    }
}
