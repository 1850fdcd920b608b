package io.jiesu.localcloud.scheduler;

import static io.jiesu.localcloud.scheduler.JsonMembers.JSON;
import static io.jiesu.localcloud.scheduler.JsonMembers.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduler's REST-JSON API over HTTP: routes each request by method and URI (as in the service model
 * {@code scheduler-2021-06-30}) to its operation, and answers errors as the service does: status,
 * {@code x-amzn-ErrorType} and {@code {"Message": ...}}.
 */
final class SchedulerApi {

    private static final Logger LOG = Logger.getLogger(SchedulerApi.class.getName());

    private final ScheduleOperations schedules;
    private final GroupOperations groups;

    SchedulerApi(ScheduleStore store) {
        this.schedules = new ScheduleOperations(store);
        this.groups = new GroupOperations(store);
    }

    void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                ObjectNode response = route(method, segments(path), query(exchange.getRequestURI().getRawQuery()),
                        body);
                reply(exchange, 200, response);
            } catch (ApiException e) {
                LOG.fine(() -> method + " " + path + " -> " + e.type + ": " + e.getMessage());
                exchange.getResponseHeaders().set("x-amzn-ErrorType", e.type);
                reply(exchange, e.status, JSON.createObjectNode().put("Message", e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, method + " " + path + " failed", e);
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalServerException");
                reply(exchange, 500, JSON.createObjectNode().put("Message", String.valueOf(e)));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not answer a scheduler request", e);
        }
    }

    private ObjectNode route(String method, List<String> path, Map<String, String> query, byte[] body) {
        if (path.size() == 1 && path.get(0).equals("schedules") && method.equals("GET")) {
            return schedules.list(query);
        }
        if (path.size() == 2 && path.get(0).equals("schedules")) {
            String name = path.get(1);
            switch (method) {
                case "POST":
                    return schedules.create(name, object(body));
                case "PUT":
                    return schedules.update(name, object(body));
                case "GET":
                    return schedules.get(name, query.get("groupName"));
                case "DELETE":
                    return schedules.delete(name, query.get("groupName"));
                default:
                    break;
            }
        }
        if (path.size() == 1 && path.get(0).equals("schedule-groups") && method.equals("GET")) {
            return groups.list(query);
        }
        if (path.size() == 2 && path.get(0).equals("schedule-groups")) {
            String name = path.get(1);
            switch (method) {
                case "POST":
                    return groups.create(name, object(body));
                case "GET":
                    return groups.get(name);
                case "DELETE":
                    return groups.delete(name);
                default:
                    break;
            }
        }
        throw ApiException.unknownOperation(method, "/" + String.join("/", path));
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
