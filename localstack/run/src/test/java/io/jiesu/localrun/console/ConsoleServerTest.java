package io.jiesu.localrun.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local console server sends text gzipped to browsers that take it, lets browsers keep the content-hashed assets
 * for good, and has them ask again for index.html and config.json, so the first screen is quick and a new build shows.
 */
class ConsoleServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCRIPT = "export const screens = [];\n".repeat(2000);
    @TempDir
    static Path dist;
    private static ConsoleServer console;

    @BeforeAll
    static void serve() throws IOException {
        Files.writeString(dist.resolve("index.html"), "<!doctype html><div id=app></div>".repeat(50));
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-B2x9Qk1a.js"), SCRIPT);
        Files.write(dist.resolve("assets/font-Cc81aZ.woff2"), new byte[] {1, 2, 3, 4});
        URI nowhere = URI.create("http://127.0.0.1:9/");
        console = new ConsoleServer(dist, nowhere, nowhere, 0, "{\"api\":\"\",\"tokens\":null,\"oidc\":{\"issuer\":\"https://id.example\",\"clientId\":\"c\"}}");
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void scriptsGoGzippedToABrowserThatTakesGzipAndPlainToOneThatDoesNot() throws Exception {
        HttpResponse<byte[]> zipped = get("assets/index-B2x9Qk1a.js", true);
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(zipped.body().length * 10 < SCRIPT.length(), "gzipped to a tenth or less: " + zipped.body().length);
        assertEquals(SCRIPT, new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(zipped.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));

        HttpResponse<byte[]> plain = get("assets/index-B2x9Qk1a.js", false);
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals(SCRIPT, new String(plain.body(), StandardCharsets.UTF_8));
    }

    @Test
    void hashedAssetsAreKeptForGoodIndexAndConfigAreAskedAgain() throws Exception {
        assertEquals("public, max-age=31536000, immutable", get("assets/index-B2x9Qk1a.js", true).headers().firstValue("Cache-Control").orElse(""));
        assertEquals("public, max-age=31536000, immutable", get("assets/font-Cc81aZ.woff2", true).headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", get("", true).headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", get("index.html", true).headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", get("config.json", true).headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void fontsAreSentAsTheyAreAndTheConfigIsTheOneGiven() throws Exception {
        HttpResponse<byte[]> font = get("assets/font-Cc81aZ.woff2", true);
        assertTrue(font.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, font.body());
        HttpResponse<byte[]> config = get("config.json", false);
        assertTrue(new String(config.body(), StandardCharsets.UTF_8).contains("\"clientId\":\"c\""));
    }

    private static HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(console.uri().resolve(path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip, deflate, br");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
