package io.jiesu.localrun.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.localrun.LocalRun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Drives ticket lives through a local run's HTTP API as the front-ends and unit staff would, for benchmarks and
 * chaos runs. Every step is retried until the ticket shows it happened: a 5xx, a timeout or a 409 may hide a
 * step that was done (its answer lost), so the ticket is read before a step is tried again; nothing is ever
 * sent twice knowingly.
 */
public final class PipelineClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The states a ticket passes on a plain life, in order. */
    private static final java.util.List<String> ORDER = java.util.List.of("received", "dispatched", "signed",
            "replied", "awaiting_callback", "rated", "closed");
    private static final String REPLY = """
            {"result":"已处理完毕并回访","outcome":"solved","handlerName":"王工","handlerPhone":"01064001111"}""";

    private final LocalRun run;
    private final HttpClient http;
    private final Duration patience;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public record Answer(int status, JsonNode body) {
    }

    public PipelineClient(LocalRun run, Duration patience) {
        this.run = run;
        this.patience = patience;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newCachedThreadPool(io.jiesu.localcloud.DaemonThreads.named("pipeline-client"))).build();
    }

    public String token(String role, String unit) {
        return tokens.computeIfAbsent(role + "/" + unit, k -> run.mint().mint(role + "-driver", role, unit, Duration.ofHours(6)));
    }

    /** Files a complaint about heating (the catalogue routes it to heating-company); returns its id. */
    public String file(String idempotencyKey, String content) {
        String body = """
                {"category":"complaint","channel":"phone","content":"%s","citizenName":"张三",
                 "citizenPhone":"13812345678","location":"东城区和平里3号楼"}""".formatted(content);
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Answer a = send("POST", "/v1/tickets", token("agent", null), body, idempotencyKey);
            if (a.status() == 201 || a.status() == 200) {
                return a.body().path("id").asText();
            }
            giveUpAfter(deadline, "filing " + idempotencyKey + ": " + a);
            pause(200);
        }
    }

    /** The whole plain life after intake: dispatched, signed, first contact, reply, callback, closed. */
    public void live(String id) {
        String unit = token("unit", "heating-company");
        await(id, "dispatched");
        step(id, "/sign", unit, null, t -> past(t, "dispatched"));
        step(id, "/contacts", unit, "{\"kind\":\"first\"}", t -> t.hasNonNull("firstContactAt") || past(t, "signed"));
        step(id, "/reply", token("reviewer", "heating-company"), REPLY, t -> past(t, "signed"));
        await(id, "awaiting_callback");
        step(id, "/callback", token("agent", null), "{\"satisfaction\":\"satisfied\",\"solved\":true}", t -> past(t, "awaiting_callback"));
        await(id, "closed");
    }

    /** Waits until the ticket is at least at {@code state} on a plain life. */
    public JsonNode await(String id, String state) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonNode t = ticket(id);
            if (t != null && !before(t, state)) {
                return t;
            }
            giveUpAfter(deadline, "ticket " + id + " never reached " + state + "; last seen " + (t == null ? "nothing" : t.path("state")));
            pause(100);
        }
    }

    public JsonNode ticket(String id) {
        Answer a = send("GET", "/v1/tickets/" + id, token("dispatcher", null), null, null);
        return a.status() == 200 ? a.body() : null;
    }

    public JsonNode history(String id) {
        return get("/v1/tickets/" + id + "/history", "dispatcher");
    }

    public JsonNode get(String path, String role) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Answer a = send("GET", path, token(role, null), null, null);
            if (a.status() == 200) {
                return a.body();
            }
            giveUpAfter(deadline, path + ": " + a);
            pause(200);
        }
    }

    /** Tries a step until the ticket shows it done: read first, so a step whose answer was lost is not sent again. */
    private void step(String id, String path, String token, String body, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonNode t = ticket(id);
            if (t != null && done.test(t)) {
                return;
            }
            if (t != null) {
                Answer a = send("POST", "/v1/tickets/" + id + path, token, body, null);
                if (a.status() == 200) {
                    return;
                }
            }
            giveUpAfter(deadline, path + " on " + id + " never went through; ticket " + (t == null ? "unreadable" : t.path("state")));
            pause(200);
        }
    }

    private static boolean before(JsonNode t, String state) {
        return ORDER.indexOf(t.path("state").asText()) < ORDER.indexOf(state);
    }

    private static boolean past(JsonNode t, String state) {
        return ORDER.indexOf(t.path("state").asText()) > ORDER.indexOf(state);
    }

    public Answer send(String method, String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(run.api() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (json != null || method.equals("POST")) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), body);
        } catch (IOException e) {
            return new Answer(-1, JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void giveUpAfter(Instant deadline, String what) {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(what);
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final Set<String> ONCE_PER_LIFE = Set.of("ticket_received", "ticket_dispatched", "ticket_signed",
            "ticket_replied", "callback_window_opened", "callback_recorded", "ticket_closed");
}
