package io.jiesu.localrun;

import com.sun.net.httpserver.HttpServer;
import io.jiesu.localcloud.LoopbackHttpServer;
import io.jiesu.core.province.ProvinceSignature;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The local run's stand-in for a provincial platform's callback endpoint: it checks each notice's signature
 * and keeps what it received, to be read at GET /province/notices.
 */
final class ProvinceMock implements AutoCloseable {
    private final HttpServer server;
    private final List<String> notices = new ArrayList<>();

    /** {@code clock}: the run's, which the functions sign with (a local run may travel in time). */
    ProvinceMock(ProvinceSignature signature, java.time.Clock clock) {
        try {
            server = LoopbackHttpServer.create(0, 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/province/notices", exchange -> {
            int status;
            byte[] reply;
            if (exchange.getRequestMethod().equals("POST")) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String refusal = signature.refusal(exchange.getRequestHeaders().getFirst(ProvinceSignature.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(ProvinceSignature.SIGNATURE_HEADER), body, clock.instant());
                status = refusal == null ? 200 : 401;
                if (refusal == null) {
                    synchronized (notices) {
                        notices.add(new String(body, StandardCharsets.UTF_8));
                    }
                }
                reply = (refusal == null ? "{}" : "{\"error\":\"" + refusal + "\"}").getBytes(StandardCharsets.UTF_8);
            } else {
                synchronized (notices) {
                    reply = ("[" + String.join(",\n", notices) + "]").getBytes(StandardCharsets.UTF_8);
                }
                status = 200;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/province/notices");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
