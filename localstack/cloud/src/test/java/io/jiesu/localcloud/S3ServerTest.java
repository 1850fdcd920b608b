package io.jiesu.localcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3ServerTest {
    private static final String BUCKET = "jiesu-attachments";
    private static S3Server server;
    private static S3Client s3;
    private static S3Presigner presigner;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = S3Server.start();
        s3 = LocalAws.s3(server.endpoint());
        s3.createBucket(b -> b.bucket(BUCKET));
        presigner = S3Presigner.builder().endpointOverride(server.endpoint()).region(LocalAws.REGION)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.IDENTITY, S3Server.CREDENTIAL)))
                .build();
    }

    @AfterAll
    static void stop() {
        presigner.close();
        s3.close();
        server.close();
    }

    @Test
    void aPresignedPutStoresTheBytesAndAPresignedGetReadsThemBack() throws Exception {
        byte[] photo = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
        URI put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(BUCKET).key("t/1").contentType("image/jpeg").contentLength((long) photo.length)))
                .url().toURI();
        HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(put).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());

        assertArrayEquals(photo, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("t/1")).asByteArray());
        URI get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(o -> o.bucket(BUCKET).key("t/1"))).url().toURI();
        HttpResponse<byte[]> read = HTTP.send(HttpRequest.newBuilder(get).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, read.statusCode());
        assertArrayEquals(photo, read.body());
    }

    @Test
    void anUnsignedPutOrOneWithAnotherContentTypeIsRefused() throws Exception {
        byte[] photo = {1, 2, 3};
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/" + BUCKET + "/t/2"))
                .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, unsigned.statusCode(), unsigned.body());

        URI put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(BUCKET).key("t/3").contentType("image/png").contentLength((long) photo.length)))
                .url().toURI();
        HttpResponse<String> otherType = HTTP.send(HttpRequest.newBuilder(put).header("Content-Type", "text/html")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(otherType.statusCode() == 403, "a content type other than the one signed: " + otherType.statusCode());
    }

    @Test
    void aConsoleServedFromThisMachineMayPutAFileFromTheBrowserAndAForeignPageMayNot() throws Exception {
        URI put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(BUCKET).key("t/4").contentType("image/png").contentLength(3L)))
                .url().toURI();
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(put)
                .header("Origin", "http://127.0.0.1:41234").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preflight.statusCode(), preflight.body());
        assertEquals("http://127.0.0.1:41234", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"));

        HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(put).header("Content-Type", "image/png")
                .header("Origin", "http://localhost:5173").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals("http://localhost:5173", stored.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                "the browser lets the console read the answer of its PUT");

        HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(put)
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals("https://evil.example", foreign.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }
}
