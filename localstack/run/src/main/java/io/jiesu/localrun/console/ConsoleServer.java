package io.jiesu.localrun.console;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The console on the local run: the built web/ (dist) and, on the same origin, /v1 passed to the api and /token to
 * the token server, as a city's gateway puts the console and the api behind one host. Local only; on AWS the
 * console is static files in front of the api.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript",
            "css", "text/css", "json", "application/json", "svg", "image/svg+xml", "woff2", "font/woff2",
            "woff", "font/woff", "ttf", "font/ttf", "png", "image/png", "ico", "image/x-icon");
    // hop-by-hop headers, those HttpClient sets itself, and Origin: behind this one origin the console is not a
    // cross-origin caller, so the api's CORS (for consoles hosted apart) has nothing to check
    private static final Set<String> NOT_PASSED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "te", "trailer", "proxy-connection", "origin");
    // text compresses to a quarter or less; fonts (woff2) and images are compressed already
    private static final Set<String> COMPRESSED = Set.of("html", "js", "css", "json", "svg", "ttf");
    private final HttpServer server;
    /** Each file is compressed once per version of it (a developer may build again while the run serves). */
    private final Map<String, byte[]> gzipped = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dist;

    public ConsoleServer(Path dist, URI api, URI tokens, int port) {
        this(dist, api, tokens, port, "{\"api\":\"\",\"tokens\":\"\"}");
    }

    /** With the config.json the console reads (the local run's role picker above; a provider's sign-in, say). */
    public ConsoleServer(Path dist, URI api, URI tokens, int port, String configJson) {
        this.dist = dist.toAbsolutePath().normalize();
        try {
            server = LoopbackHttpServer.create(port, 0);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is taken: pass --console-port", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "console");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/", exchange -> pass(exchange, api));
        server.createContext("/q/", exchange -> pass(exchange, api));
        server.createContext("/token", exchange -> pass(exchange, tokens.resolve("/")));
        byte[] config = configJson.getBytes(StandardCharsets.UTF_8);
        server.createContext("/config.json", exchange -> send(exchange, 200, "json", config, "/config.json"));
        server.createContext("/", this::file);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void file(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Path file = dist.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
        if (!file.startsWith(dist) || !Files.isRegularFile(file)) {
            send(exchange, 404, "html", new byte[0], null);
            return;
        }
        String name = file.getFileName().toString();
        // Vite names what is under assets/ by its content: a new build has new names, so a browser may keep these
        // for good; index.html (and config.json) are asked again every time, so a new build shows at once
        if (path.startsWith("/assets/")) {
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=31536000, immutable");
        }
        send(exchange, 200, name.substring(name.lastIndexOf('.') + 1), Files.readAllBytes(file),
                file + "@" + Files.getLastModifiedTime(file).toMillis());
    }

    private void pass(HttpExchange exchange, URI to) throws IOException {
        try (exchange) {
            URI target = to.resolve(exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            exchange.sendResponseHeaders(502, -1);
        }
    }

    /** Gzipped when the type is text and the browser takes gzip; `file` names the body for the compressed copy. */
    private void send(HttpExchange exchange, int status, String extension, byte[] body, String file) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().putIfAbsent("Cache-Control", java.util.List.of("no-cache"));
            byte[] sent = body;
            if (COMPRESSED.contains(extension) && body.length > 0) {
                exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
                if (acceptsGzip(exchange)) {
                    sent = file == null ? gzip(body) : gzipped.computeIfAbsent(file, f -> gzip(body));
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                }
            }
            exchange.sendResponseHeaders(status, sent.length == 0 ? -1 : sent.length);
            out.write(sent);
        }
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        return exchange.getRequestHeaders().getOrDefault("Accept-Encoding", java.util.List.of()).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(v -> v.strip().toLowerCase())
                .anyMatch(v -> v.equals("gzip") || (v.startsWith("gzip;") && !v.replace(" ", "").endsWith("q=0")));
    }

    private static byte[] gzip(byte[] body) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(body.length / 3);
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes) {
            { def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION); }
        }) {
            out.write(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
