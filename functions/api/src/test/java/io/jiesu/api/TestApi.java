package io.jiesu.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.ticket.Actor;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.jiesu.localcloud.testing.OpenApiCheck;
import io.jiesu.localcloud.testing.TestCloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The api under test as a front-end calls it, over HTTP: tokens from the local cloud's mint, and every answer kept for
 * {@link OpenApiMatchesAnswersTest} to hold the published document to.
 */
final class TestApi {
    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    TestApi(URI base) {
        this.base = base;
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String text(String field) {
            return body.path(field).asText(null);
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    /** Every answer the tests of this JVM saw. */
    static final Queue<OpenApiCheck.Answer> SEEN = new ConcurrentLinkedQueue<>();

    static String token(String role) {
        return TestCloud.token(role + "-test", role, null);
    }

    static String unitToken(String unit) {
        return TestCloud.token("staff-" + unit, "unit", unit);
    }

    static String reviewerToken(String unit) {
        return TestCloud.token("reviewer-" + unit, "reviewer", unit);
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    Reply post(String path, String token, String json) {
        return post(path, token, json, null);
    }

    Reply post(String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b.build());
    }

    Reply put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            SEEN.add(new OpenApiCheck.Answer(request.method(), request.uri().getRawPath(), r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null), r.body()));
            String b = r.body() == null ? "" : r.body().strip();
            boolean json = b.startsWith("{") || b.startsWith("[") || b.startsWith("\"");
            return new Reply(r.statusCode(), json ? MAPPER.readTree(b) : MAPPER.nullNode(), r);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A ticket sent down by the test cloud's province, signed with its secret. */
    Reply fromProvince(String body, Clock clock) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        String signature = new io.jiesu.core.province.ProvinceSignature(LocalCloudResource.PROVINCE_SECRET).sign(now, bytes);
        return send(request("/v1/province/" + LocalCloudResource.PROVINCE + "/tickets", null)
                .header("Content-Type", JSON)
                .header(io.jiesu.core.province.ProvinceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(io.jiesu.core.province.ProvinceSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /**
     * A ticket taken in by an agent and dispatched to {@code unit} by a dispatcher over HTTP. No dispatch stage runs
     * beside the api here: the test does the stage's part for a ticket no catalogue matter fits (it holds it for a
     * dispatcher, as DispatchStage does); the stage itself is tested in functions/stages.
     */
    String dispatchedTicket(TicketWorkflow workflow, Clock clock, String content, String unit) {
        Reply created = post("/v1/tickets", token("agent"), complaint(content));
        assertEquals(201, created.status(), created.raw().body());
        String id = created.text("id");
        workflow.apply(id, t -> t.awaitDispatcher("held by the test", clock.instant(), Actor.system("dispatch")));
        Reply dispatched = post("/v1/tickets/" + id + "/dispatch", token("dispatcher"),
                "{\"leadUnit\":\"" + unit + "\",\"coUnits\":[\"housing-bureau\"]}");
        assertEquals(200, dispatched.status(), dispatched.raw().body());
        return id;
    }

    /** Refused with this status, as application/problem+json. */
    static void assertProblem(Reply r, int status) {
        assertEquals(status, r.status(), r.raw().body());
        assertEquals(PROBLEM_JSON, r.raw().headers().firstValue("Content-Type").orElse(""), r.raw().body());
        assertEquals(status, r.body().path("status").asInt());
    }

    /** Refused with this status, naming the field at fault first. */
    static void assertField(Reply r, int status, String field) {
        assertProblem(r, status);
        assertEquals(field, r.body().path("errors").get(0).path("field").asText(), r.raw().body());
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String complaint(String content) {
        return """
                {"category":"complaint","channel":"phone","content":"%s","citizenName":"张三",
                 "citizenPhone":"13812345678","location":"东城区和平里3号楼"}""".formatted(content);
    }
}
