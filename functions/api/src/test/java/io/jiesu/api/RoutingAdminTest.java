package io.jiesu.api;

import io.jiesu.routing.MeasuredThreshold;
import io.jiesu.routing.RouterModel;
import io.jiesu.routing.RouterTrainer;
import io.jiesu.routing.RoutingExample;
import io.jiesu.routing.TicketText;

import io.jiesu.aws.routing.RouterModels;
import io.jiesu.aws.routing.TrainingRuns;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.List;

import static io.jiesu.api.TestApi.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin's training of the router is asked for, never run inside the request: the api answers 202 with the run
 * and where to see it, and puts a message naming the run on the training queue (the training function, tested in
 * functions/stages, does the work and says how the run ended).
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class RoutingAdminTest {
    @TestHTTPResource("/")
    java.net.URL base;
    @Inject
    SqsClient sqs;
    @Inject
    RouterModels models;
    @Inject
    TrainingRuns runs;
    @ConfigProperty(name = "jiesu.queue.train.url")
    String trainQueue;
    TestApi api;

    @BeforeEach
    void api() throws Exception {
        api = new TestApi(base.toURI());
    }

    @Test
    void anAdminsTrainingIsAskedOfTheTrainingFunctionAndAnsweredAtOnceWithItsRun() {
        TestApi.Reply asked = api.post("/v1/admin/routing/train", TestApi.token("admin"), null);

        // before: trained in the request, and refused 409 here (the api's history is far too small to learn from)
        assertEquals(202, asked.status(), asked.raw().body());
        String run = asked.text("run");
        assertTrue(TrainingRuns.ID.matcher(run).matches(), run);
        assertEquals("requested", asked.text("state"));
        assertEquals("admin", asked.text("requestedBy"));
        String location = asked.raw().headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/v1/admin/routing/runs/" + run), location);

        TestApi.Reply seen = api.get("/v1/admin/routing/runs/" + run, TestApi.token("admin"));
        assertEquals(200, seen.status(), seen.raw().body());
        assertEquals("requested", seen.text("state"), "nothing trained it yet: no training function runs here");
        assertTrue(seen.body().path("measured").isMissingNode(), "nothing measured before a training");
        assertTrue(queued().stream().anyMatch(m -> m.body().equals("{\"run\":\"" + run + "\"}")),
                "the training queue names the run");
        assertTrue(models.pointer().isEmpty(), "the request itself trained no model");
    }

    @Test
    void anImportIsReadAndKeptInTheRequestAndItsTrainingAskedFor() {
        StringBuilder csv = new StringBuilder("text,category,location,unit\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i % 2 == 0 ? "小区暖气不热第" + i + "户,供热,东城区,heating-company\n"
                    : "路灯不亮第" + i + "盏,市政,西城区,city-lighting\n");
        }
        TestApi.Reply imported = api.send(api.request("/v1/admin/routing/import", TestApi.token("admin"))
                .header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv.toString())).build());

        assertEquals(202, imported.status(), imported.raw().body());
        assertEquals(30, imported.body().path("imported").asInt());
        assertEquals("import", imported.text("requestedBy"));
        String run = imported.text("run");
        assertTrue(queued().stream().anyMatch(m -> m.body().contains(run)), "the training queue names the run");
        assertTrue(models.storedImport().isPresent(), "the import is kept for every training");
        assertTrue(models.pointer().isEmpty(), "the request itself trained no model");
    }

    @Test
    void anExportFarLargerThanARequestBodyIsImportedWhetherItsLengthIsDeclaredOrNot() {
        StringBuilder csv = new StringBuilder("text,category,location,unit\n");
        for (int i = 0; csv.length() < 300_000; i++) {
            csv.append(i % 2 == 0 ? "小区暖气不热，室温只有十四度，第" + i + "户,供热,东城区,heating-company\n"
                    : "路灯不亮已经一周，夜里行人看不清路，第" + i + "盏,市政,西城区,city-lighting\n");
        }
        byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(bytes.length > 4 * 65536, "well over the limit of any other body: " + bytes.length);

        TestApi.Reply declared = api.send(api.request("/v1/admin/routing/import", TestApi.token("admin"))
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertEquals(202, declared.status(), declared.raw().body());
        // no Content-Length: the body is counted as it is read, against the same file limit
        TestApi.Reply chunked = api.send(api.request("/v1/admin/routing/import", TestApi.token("admin"))
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(bytes))).build());
        assertEquals(202, chunked.status(), chunked.raw().body());
        assertEquals(declared.body().path("imported").asInt(), chunked.body().path("imported").asInt());

        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        TestApi.Reply refused = api.send(api.request("/v1/admin/routing/import", TestApi.token("admin"))
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(tooLarge)).build());
        assertProblem(refused, 413);
        assertTrue(refused.raw().body().contains("5242880"), refused.raw().body());
        TestApi.Reply refusedChunked = api.send(api.request("/v1/admin/routing/import", TestApi.token("admin"))
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(tooLarge))).build());
        assertProblem(refusedChunked, 413);
        assertTrue(refusedChunked.raw().body().contains("5242880"), refusedChunked.raw().body());
    }

    @Test
    void anExportOfAnySizeIsPutStraightToStorageThroughAnOfferedUrlAndItsTrainingAskedFor() throws Exception {
        byte[] csv = "text,category,location,unit\n小区暖气不热,供热,东城区,heating-company\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TestApi.Reply offered = api.post("/v1/admin/routing/import-uploads", TestApi.token("admin"),
                "{\"contentType\":\"text/csv\",\"size\":" + csv.length + "}");
        assertEquals(201, offered.status(), offered.raw().body());
        String upload = offered.text("upload");
        assertTrue(io.jiesu.aws.routing.ImportUploads.ID.matcher(upload).matches(), upload);
        String url = offered.text("url");
        assertTrue(url.contains("/imports/" + upload) && url.contains("X-Amz-Signature"), url);

        // the bytes go to storage, never through the api
        var put = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "text/csv").PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        TestApi.Reply asked = api.post("/v1/admin/routing/import-uploads/" + upload + "/train", TestApi.token("admin"), null);
        assertEquals(202, asked.status(), asked.raw().body());
        assertEquals("import", asked.text("requestedBy"));
        assertTrue(queued().stream().anyMatch(m -> m.body().contains(asked.text("run")) && m.body().contains(upload)),
                "the training queue names the run and the upload");
    }

    @Test
    void anUploadIsOfferedOnlyForACsvOrJsonOfASizeInBoundsAndOnlyToAnAdmin() {
        String admin = TestApi.token("admin");
        assertProblemNaming(api.post("/v1/admin/routing/import-uploads", admin, "{\"contentType\":\"image/png\",\"size\":10}"), "contentType");
        assertProblemNaming(api.post("/v1/admin/routing/import-uploads", admin, "{\"contentType\":\"text/csv\",\"size\":0}"), "size");
        assertProblemNaming(api.post("/v1/admin/routing/import-uploads", admin, "{\"contentType\":\"text/csv\"}"), "size");
        assertProblemNaming(api.post("/v1/admin/routing/import-uploads", admin,
                "{\"contentType\":\"application/json\",\"size\":" + (50L * 1024 * 1024 + 1) + "}"), "size");
        assertProblem(api.post("/v1/admin/routing/import-uploads/not-an-upload/train", admin, null), 404);
        assertProblem(api.post("/v1/admin/routing/import-uploads", TestApi.token("dispatcher"),
                "{\"contentType\":\"text/csv\",\"size\":10}"), 403);
    }

    private static void assertProblemNaming(TestApi.Reply r, String field) {
        assertProblem(r, 400);
        assertEquals(field, r.body().path("errors").path(0).path("field").asText(), r.raw().body());
    }

    @Test
    void aRunNobodyAskedForIsNotFoundAndOnlyAnAdminSeesRuns() {
        assertProblem(api.get("/v1/admin/routing/runs/20260101T000000Z-00000000", TestApi.token("admin")), 404);
        assertProblem(api.get("/v1/admin/routing/runs/nonsense", TestApi.token("admin")), 404);
        assertProblem(api.get("/v1/admin/routing/runs/20260101T000000Z-00000000", TestApi.token("dispatcher")), 403);
        assertProblem(api.post("/v1/admin/routing/train", TestApi.token("dispatcher"), null), 403);
    }

    @Test
    void aRunSaysWhatItsTrainingMeasuredAThresholdOrNone() {
        TrainingRuns.Run reached = runs.request("admin");
        runs.finish(reached, TrainingRuns.State.TRAINED, "v1", 40, new MeasuredThreshold(0.95, 0.8, 0.97, 0.45, 40), null);
        TrainingRuns.Run none = runs.request("admin");
        runs.finish(none, TrainingRuns.State.TRAINED, "v2", 40, new MeasuredThreshold(0.95, null, null, 0, 40), null);

        var measured = api.get("/v1/admin/routing/runs/" + reached.id(), TestApi.token("admin")).body().path("measured");
        assertEquals(0.8, measured.path("threshold").asDouble());
        assertEquals(0.97, measured.path("precision").asDouble());
        assertEquals(0.45, measured.path("automatic").asDouble());
        assertEquals(40, measured.path("heldOut").asInt());
        var unreached = api.get("/v1/admin/routing/runs/" + none.id(), TestApi.token("admin")).body().path("measured");
        assertEquals(0.95, unreached.path("targetPrecision").asDouble());
        assertTrue(unreached.path("threshold").isMissingNode(), unreached.toString());
        assertTrue(unreached.path("precision").isMissingNode(), unreached.toString());
        assertEquals(0, unreached.path("automatic").asDouble());
    }

    @Test
    void anAdminSeesTheModelInForceAndFromWhichConfidenceItDispatchesAlone() {
        assertProblem(api.get("/v1/admin/routing/model", TestApi.token("admin")), 404);
        List<RoutingExample> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            history.add(RoutingExample.of(TicketText.of("小区暖气不热第" + i + "户"), "heating-company"));
            history.add(RoutingExample.of(TicketText.of("路灯不亮第" + i + "盏"), "city-lighting"));
        }
        RouterModel trained = RouterTrainer.chosen(java.time.Clock.systemUTC()).train(history);
        try {
            models.store(trained.withMeasured(new MeasuredThreshold(0.95, 0.82, 0.96, 0.41, 40)));
            TestApi.Reply seen = api.get("/v1/admin/routing/model", TestApi.token("admin"));
            assertEquals(200, seen.status(), seen.raw().body());
            assertEquals(trained.version(), seen.text("version"));
            assertEquals(40, seen.body().path("examples").asInt());
            assertEquals(0.82, seen.body().path("measured").path("threshold").asDouble());
            assertEquals(0.82, seen.body().path("dispatchesAloneFrom").asDouble(), "above the configured 0.75");

            models.store(trained.withMeasured(new MeasuredThreshold(0.95, null, null, 0, 40)));
            TestApi.Reply proposing = api.get("/v1/admin/routing/model", TestApi.token("admin"));
            assertTrue(proposing.body().path("measured").path("threshold").isMissingNode(), proposing.raw().body());
            assertTrue(proposing.body().path("dispatchesAloneFrom").isMissingNode(), "it only proposes");

            models.store(trained);
            assertEquals(0.75, api.get("/v1/admin/routing/model", TestApi.token("admin")).body()
                    .path("dispatchesAloneFrom").asDouble(), "a model without a measurement: the configured threshold");
            assertProblem(api.get("/v1/admin/routing/model", TestApi.token("dispatcher")), 403);
        } finally {
            models.withdraw();
        }
    }

    /** What waits on the training queue now (received and left to reappear: nothing consumes it here). */
    private List<Message> queued() {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(sqs.receiveMessage(b -> b.queueUrl(trainQueue).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(0)).messages());
        }
        return all;
    }
}
