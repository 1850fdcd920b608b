package io.jiesu.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the function process: talks to the Lambda Runtime API over HTTP exactly as a Lambda runtime does.
 */
final class FakeFunction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    FakeFunction(String runtimeApiAddress) {
        this.base = "http://" + runtimeApiAddress + "/2018-06-01/runtime";
    }

    /** One event handed out by {@code /next}. */
    record Invocation(String requestId, HttpHeaders headers, JsonNode event) {
        List<String> messageIds() {
            List<String> ids = new ArrayList<>();
            event.get("Records").forEach(r -> ids.add(r.get("messageId").asText()));
            return ids;
        }
    }

    /** Blocks in {@code /next} until a batch comes (or {@code wait} passes: HttpTimeoutException). */
    Invocation next(Duration wait) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/invocation/next")).timeout(wait).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/next answered " + response.statusCode() + ": " + response.body());
        }
        String id = response.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        return new Invocation(id, response.headers(), JSON.readTree(response.body()));
    }

    /** Posts the function's result; returns the HTTP status. */
    int respond(String requestId, String body) throws IOException, InterruptedException {
        return post("/invocation/" + requestId + "/response", body);
    }

    /** Reports the invocation as failed; returns the HTTP status. */
    int error(String requestId, String body) throws IOException, InterruptedException {
        return post("/invocation/" + requestId + "/error", body);
    }

    int post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Lambda-Runtime-Function-Error-Type", "Unhandled")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String failing(List<String> messageIds) {
        StringBuilder json = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < messageIds.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(messageIds.get(i)).append("\"}");
        }
        return json.append("]}").toString();
    }
}
