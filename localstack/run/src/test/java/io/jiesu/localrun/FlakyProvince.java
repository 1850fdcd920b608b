package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jiesu.localcloud.LoopbackHttpServer;
import io.jiesu.core.province.ProvinceSignature;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provincial platform's callback endpoint for tests: it refuses the first N posts with 503, checks every
 * signature, and applies each notice once by its Idempotency-Key (a repeat is answered 200 and ignored).
 */
final class FlakyProvince implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final Map<String, JsonNode> applied = new LinkedHashMap<>();

    FlakyProvince(ProvinceSignature signature, int failFirst) {
        this.failuresLeft = new AtomicInteger(failFirst);
        try {
            server = LoopbackHttpServer.create(0, 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/notices", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            int status;
            if (signature.refusal(exchange.getRequestHeaders().getFirst(ProvinceSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(ProvinceSignature.SIGNATURE_HEADER), body, Instant.now()) != null) {
                badSignatures.incrementAndGet();
                status = 401;
            } else if (failuresLeft.getAndDecrement() > 0) {
                status = 503;
            } else {
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                synchronized (applied) {
                    applied.putIfAbsent(key, Api.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notices");
    }

    /** The notices applied, in the order they first arrived. */
    List<JsonNode> applied() {
        synchronized (applied) {
            return new ArrayList<>(applied.values());
        }
    }

    int posts() {
        return posts.get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
