package io.jiesu.localrun;

import com.sun.net.httpserver.HttpServer;
import io.jiesu.localcloud.LoopbackHttpServer;
import io.jiesu.localcloud.tokens.TokenMint;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * GET /token?role=unit&unit=heating-company[&sub=alice]: a bearer token for trying the API on the local run.
 * Only the local run has it; the deployed api cannot mint tokens. Under /oidc it also stands in for the city's
 * identity provider ({@link OidcProvider}).
 */
final class TokenServer implements AutoCloseable {
    private static final Set<String> ROLES = Set.of("citizen", "agent", "dispatcher", "unit", "reviewer",
            "supervisor", "admin");
    private final HttpServer server;

    TokenServer(TokenMint mint, int port) {
        try {
            server = LoopbackHttpServer.create(port, 0);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is taken: pass --token-port", e);
        }
        server.createContext("/token", exchange -> {
            Map<String, String> q = query(exchange.getRequestURI());
            String role = q.getOrDefault("role", "");
            int status;
            String body;
            if (!ROLES.contains(role)) {
                status = 400;
                body = "role must be one of " + ROLES + "\n";
            } else if ((role.equals("unit") || role.equals("reviewer")) && !q.containsKey("unit")) {
                status = 400;
                body = "unit staff need unit=<unit id>\n";
            } else {
                status = 200;
                body = mint.mint(q.getOrDefault("sub", role + "-demo"), role, q.get("unit"), Duration.ofHours(12));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        new OidcProvider(mint, Clock.systemUTC()).register(server);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** The local stand-in for the city's identity provider (OpenID Connect, code flow with PKCE). */
    URI oidc() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + OidcProvider.PATH);
    }

    private static Map<String, String> query(URI uri) {
        return query(uri.getRawQuery());
    }

    /** A query string or form body, decoded. */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
