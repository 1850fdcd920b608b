package io.jiesu.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.localcloud.LocalAws;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.jiesu.localcloud.testing.LocalCloudResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.jiesu.api.TestApi.assertField;
import static io.jiesu.api.TestApi.assertProblem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Photos and PDFs on a ticket, through the api and the local cloud's S3 (S3Proxy): the api hands out pre-signed URLs,
 * the bytes go straight to the bucket and back; types, sizes, steps and readers are checked before any URL is made.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class AttachmentsTest {
    private static final String LEAD = "heating-company";
    private static final String CO = "housing-bureau";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    java.net.URL base;
    @Inject
    TicketWorkflow workflow;
    @Inject
    java.time.Clock clock;
    @ConfigProperty(name = "jiesu.aws.s3.endpoint")
    URI s3Endpoint;
    TestApi api;

    @BeforeEach
    void api() throws Exception {
        api = new TestApi(base.toURI());
    }

    @Test
    void aPhotoTakenInIsStoredThroughItsUrlAndReadBackByTheUnitThatHandlesTheTicket() throws Exception {
        String id = api.dispatchedTicket(workflow, clock, "小区门口井盖破损，附照片", LEAD);
        byte[] photo = "\u00ff\u00d8\u00ff\u00e0 a photo of a broken manhole cover".getBytes(StandardCharsets.ISO_8859_1);

        TestApi.Reply offered = api.post("/v1/tickets/" + id + "/attachments", TestApi.token("agent"),
                request("井盖.jpg", "image/jpeg", photo.length, "intake"));
        assertEquals(201, offered.status(), offered.raw().body());
        String attachmentId = offered.body().path("attachment").path("id").asText();
        assertEquals("/v1/tickets/" + id + "/attachments/" + attachmentId,
                URI.create(offered.raw().headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals("PUT", offered.text("method"));
        assertEquals(200, put(offered.text("url"), "image/jpeg", photo).statusCode(), "the upload through the pre-signed URL");

        try (S3Client s3 = LocalAws.s3(s3Endpoint)) {
            assertArrayEquals(photo, s3.getObjectAsBytes(b -> b.bucket(CloudResources.ATTACHMENTS_BUCKET)
                    .key("tickets/" + id + "/" + attachmentId)).asByteArray(), "the bytes are in the bucket");
        }

        // the lead unit sees the file in the ticket's list and fetches it through a URL of its own
        String unit = TestApi.unitToken(LEAD);
        TestApi.Reply listed = api.get("/v1/tickets/" + id + "/attachments", unit);
        assertEquals(200, listed.status(), listed.raw().body());
        JsonNode first = listed.body().get(0);
        assertEquals(attachmentId, first.path("id").asText());
        assertEquals("井盖.jpg", first.path("fileName").asText());
        assertEquals("image/jpeg", first.path("contentType").asText());
        assertEquals(photo.length, first.path("size").asLong());
        assertEquals("intake", first.path("purpose").asText());
        assertEquals("agent", first.path("role").asText());

        TestApi.Reply fetch = api.get("/v1/tickets/" + id + "/attachments/" + attachmentId, unit);
        assertEquals(200, fetch.status(), fetch.raw().body());
        HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(fetch.text("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertArrayEquals(photo, got.body());
        assertEquals("image/jpeg", got.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void attachingAFileIsAStepInTheTicketsHistoryWithItsNameTypeAndSizeButNoUrl() {
        String id = api.dispatchedTicket(workflow, clock, "路灯不亮，附照片", LEAD);
        String agent = TestApi.token("agent");
        long version = api.get("/v1/tickets/" + id, agent).body().path("version").asLong();
        TestApi.Reply offered = api.post("/v1/tickets/" + id + "/attachments", agent, request("路灯.png", "image/png", 2048, "intake"));
        assertEquals(201, offered.status(), offered.raw().body());

        TestApi.Reply history = api.get("/v1/tickets/" + id + "/history", TestApi.token("supervisor"));
        assertEquals(200, history.status(), history.raw().body());
        JsonNode last = history.body().get(history.body().size() - 1);
        assertEquals("file_attached", last.path("type").asText(), history.raw().body());
        assertEquals("agent", last.path("role").asText());
        assertEquals(offered.body().path("attachment").path("id").asText(), last.path("detail").path("attachment").asText());
        assertFalse(history.raw().body().contains("路灯.png"), "no file name in the history: callers name files after themselves");
        assertEquals("image/png", last.path("detail").path("contentType").asText());
        assertEquals("2048", last.path("detail").path("size").asText());
        assertEquals("intake", last.path("detail").path("purpose").asText());
        assertFalse(history.raw().body().contains("X-Amz-Signature"), "no pre-signed URL in the history");
        assertEquals(version, api.get("/v1/tickets/" + id, agent).body().path("version").asLong(),
                "attaching a file is no transition: the ticket's version stays");
    }

    @Test
    void theStorageRefusesBytesOtherThanTheTypeAndLengthThatWereChecked() throws Exception {
        String id = api.dispatchedTicket(workflow, clock, "路面塌陷，附照片", LEAD);
        TestApi.Reply offered = api.post("/v1/tickets/" + id + "/attachments", TestApi.token("agent"),
                request("road.png", "image/png", 4, "intake"));
        assertEquals(201, offered.status(), offered.raw().body());
        String url = offered.text("url");
        assertEquals(403, put(url, "text/html", new byte[4]).statusCode(), "another content type than signed");
        // the storage may answer 403 before it has read the whole body and close the connection while the client
        // still sends: either way it refused, and below nothing may be stored
        try {
            assertEquals(403, put(url, "image/png", new byte[4096]).statusCode(), "more bytes than signed");
        } catch (java.io.UncheckedIOException closedWhileSending) {
            // refused before the answer could be read
        }
        HttpResponse<String> unsigned = put(url.substring(0, url.indexOf('?')), "image/png", new byte[4]);
        assertEquals(403, unsigned.statusCode(), "without the signature");
        String key = "tickets/" + id + "/" + offered.body().path("attachment").path("id").asText();
        try (S3Client s3 = LocalAws.s3(s3Endpoint)) {
            software.amazon.awssdk.services.s3.model.S3Exception missing = assertThrows(
                    software.amazon.awssdk.services.s3.model.S3Exception.class,
                    () -> s3.headObject(b -> b.bucket(CloudResources.ATTACHMENTS_BUCKET).key(key)));
            assertEquals(404, missing.statusCode(), "nothing was stored");
        }
    }

    @Test
    void aTypeOtherThanAPhotoOrPdfOrAFileTooLargeIsRefusedNamingTheField() {
        String id = api.dispatchedTicket(workflow, clock, "噪音扰民，附录音", LEAD);
        String agent = TestApi.token("agent");
        assertField(api.post("/v1/tickets/" + id + "/attachments", agent, request("a.mp3", "audio/mpeg", 100, "intake")), 422, "contentType");
        assertField(api.post("/v1/tickets/" + id + "/attachments", agent, request("a.html", "text/html", 100, "intake")), 422, "contentType");
        assertField(api.post("/v1/tickets/" + id + "/attachments", agent,
                request("big.pdf", "application/pdf", 10L * 1024 * 1024 + 1, "intake")), 422, "size");
        assertField(api.post("/v1/tickets/" + id + "/attachments", agent, request("empty.pdf", "application/pdf", 0, "intake")), 400, "size");
        assertField(api.post("/v1/tickets/" + id + "/attachments", agent, request("a.pdf", "application/pdf", 10, "later")), 400, "purpose");
        assertEquals(201, api.post("/v1/tickets/" + id + "/attachments", agent,
                request("permit.PDF", "Application/PDF", 10L * 1024 * 1024, "intake")).status(), "a PDF at the limit");
    }

    @Test
    void onlyWhoeverMayReadTheTicketSeesItsFilesAndEachStepAttachesItsOwn() {
        String id = api.dispatchedTicket(workflow, clock, "楼道堆放杂物，附照片", LEAD);
        TestApi.Reply offered = api.post("/v1/tickets/" + id + "/attachments", TestApi.token("agent"),
                request("楼道.webp", "image/webp", 10, "intake"));
        assertEquals(201, offered.status(), offered.raw().body());
        String attachmentId = offered.body().path("attachment").path("id").asText();

        // a unit that does not hold the ticket neither lists, fetches nor attaches
        String stranger = TestApi.unitToken("water-company");
        assertProblem(api.get("/v1/tickets/" + id + "/attachments", stranger), 403);
        assertProblem(api.get("/v1/tickets/" + id + "/attachments/" + attachmentId, stranger), 403);
        assertProblem(api.post("/v1/tickets/" + id + "/attachments", stranger, request("x.jpg", "image/jpeg", 10, "contact")), 403);
        // a citizen who did not file it, neither
        assertProblem(api.get("/v1/tickets/" + id + "/attachments/" + attachmentId, io.jiesu.localcloud.testing.TestCloud.token(
                "someone-else", "citizen", null)), 403);
        // roles that cannot attach at all
        assertProblem(api.post("/v1/tickets/" + id + "/attachments", TestApi.token("dispatcher"), request("x.jpg", "image/jpeg", 10, "intake")), 403);
        // unit staff attach with their contacts, not at intake; and only once they signed
        String unit = TestApi.unitToken(LEAD);
        assertProblem(api.post("/v1/tickets/" + id + "/attachments", unit, request("x.jpg", "image/jpeg", 10, "intake")), 403);
        assertProblem(api.post("/v1/tickets/" + id + "/attachments", unit, request("x.jpg", "image/jpeg", 10, "contact")), 409);
        assertEquals(200, api.post("/v1/tickets/" + id + "/sign", unit, null).status());
        assertEquals(201, api.post("/v1/tickets/" + id + "/attachments", unit, request("现场.heic", "image/heic", 10, "contact")).status());
        // a co-unit reads the ticket masked but does not contact the citizen; only the reviewer attaches to the reply
        assertProblem(api.post("/v1/tickets/" + id + "/attachments", TestApi.unitToken(CO), request("x.jpg", "image/jpeg", 10, "contact")), 403);
        assertProblem(api.post("/v1/tickets/" + id + "/attachments", unit, request("reply.pdf", "application/pdf", 10, "reply")), 403);
        assertEquals(201, api.post("/v1/tickets/" + id + "/attachments", TestApi.reviewerToken(LEAD),
                request("答复.pdf", "application/pdf", 10, "reply")).status());
        // unknown file on a known ticket
        assertProblem(api.get("/v1/tickets/" + id + "/attachments/nope", unit), 404);

        TestApi.Reply listed = api.get("/v1/tickets/" + id + "/attachments", TestApi.token("supervisor"));
        assertEquals(200, listed.status());
        assertEquals(3, listed.body().size(), listed.raw().body());
        assertEquals("intake", listed.body().get(0).path("purpose").asText());
        assertEquals("contact", listed.body().get(1).path("purpose").asText());
        assertEquals("reply", listed.body().get(2).path("purpose").asText());
    }

    private static String request(String fileName, String contentType, long size, String purpose) {
        return """
                {"fileName":"%s","contentType":"%s","size":%d,"purpose":"%s"}""".formatted(fileName, contentType, size, purpose);
    }

    private static HttpResponse<String> put(String url, String contentType, byte[] bytes) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
