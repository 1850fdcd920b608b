package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.localcloud.testing.OpenApiCheck;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The OpenAPI document tells the truth: every answer the end-to-end tests received from a documented operation
 * (Api records them all) has its status documented for that operation, its content type among the documented
 * ones, and a body that validates against the documented schema. It runs last (junit-platform.properties), so
 * it holds the document to everything the other tests of the run saw; it also makes a round of calls of its
 * own, so that run alone it still checks every kind of answer. The api's own tests (functions/api,
 * OpenApiMatchesAnswersTest) hold the document to the answers of the bad-request table and the HTTP edge, and check
 * that every operation is described; this one checks it against the packaged api the processes run.
 */
@ExtendWith(RunningPipeline.class)
@Order(Integer.MAX_VALUE)
class OpenApiMatchesResponsesEndToEndTest {
    @Test
    void everyAnswerTheTestsSawIsDocumentedAndFitsItsSchema(Api api) {
        aRoundOfCalls(api);
        JsonNode doc = api.get("/q/openapi?format=json", null).body();
        OpenApiCheck.Result result = OpenApiCheck.check(doc, Api.SEEN.stream()
                .map(s -> new OpenApiCheck.Answer(s.method(), s.path(), s.status(), s.contentType(), s.body())).toList());
        System.out.printf("OpenAPI check: %d answers of %d kinds (operation, status) checked against the document%n",
                result.checked(), result.kinds().size());
        assertTrue(result.kinds().size() >= 20, "the check saw too few kinds of answer to mean much: " + result.kinds());
        assertTrue(result.wrong().isEmpty(), "the OpenAPI document does not tell the truth:\n  " + String.join("\n  ", result.wrong()));
    }

    /** One of each kind of answer, so the check means something when this class runs alone. */
    private static void aRoundOfCalls(Api api) {
        String agent = api.token("agent");
        String key = "openapi-" + UUID.randomUUID();
        Api.Reply created = api.post("/v1/tickets", agent, Api.complaint("文档核对 暖气不热"), key);
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(200, api.post("/v1/tickets", agent, Api.complaint("文档核对 暖气不热"), key).status());
        api.post("/v1/tickets", agent, Api.complaint("文档核对 另一张"), key); // 422: the key with another body
        String id = created.text("id");
        api.get("/v1/tickets/" + id, agent);
        api.get("/v1/tickets/" + id + "/history", agent);
        api.get("/v1/tickets/T20260101-NOSUCH", agent); // 404
        api.get("/v1/tickets/" + id, null); // 401
        api.get("/v1/tickets/" + id, api.token("system")); // 403
        api.post("/v1/tickets", agent, Api.complaint("文档核对").replace("\"phone\"", "\"province\"")); // 422
        api.post("/v1/tickets", agent, "{\"category\":"); // 400
        api.post("/v1/tickets", agent, Api.complaint("y".repeat(70_000))); // 413
        api.send(api.request("/v1/tickets", agent).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build()); // 415
        api.send(api.request("/v1/catalogue", agent).header("Accept", "text/plain").GET().build()); // 406
        api.awaitTicket(id, api.token("dispatcher"), t -> t.path("state").asText().equals("dispatched"), "dispatched");
        String heating = api.unitToken("heating-company");
        api.post("/v1/tickets/" + id + "/contacts", heating, "{\"kind\":\"first\"}"); // 409: not signed yet
        api.post("/v1/tickets/" + id + "/sign", heating, null);
        api.post("/v1/tickets/" + id + "/contacts", heating, "{\"kind\":\"first\",\"note\":\"已联系\"}");
        api.get("/v1/units/heating-company/inbox", heating);
        api.get("/v1/dispatch/pending", api.token("dispatcher"));
        api.get("/v1/catalogue", agent);
        api.get("/v1/admin/calendar/2026", api.token("admin"));
        api.get("/v1/rates?from=2026-11-01&to=2026-11-30", api.token("supervisor"));
        api.get("/v1/rates/units/heating-company?from=2026-11-01&to=2026-11-30", heating);
        api.get("/v1/rankings/2026-11", api.token("supervisor"));
        String provincial = """
                {"provinceTicketId":"OAS-%s","category":"投诉","content":"文档核对 暖气不热",
                 "citizen":{"name":"张三","phone":"13812345678"}}""".formatted(UUID.randomUUID().toString().substring(0, 8));
        assertEquals(201, api.fromProvince(provincial).status());
        api.fromProvince(provincial); // 200
        api.fromProvince(provincial.replace("暖气不热", "路灯不亮")); // 409
        api.send(api.request("/v1/province/demo/tickets", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(provincial)).build()); // 401: unsigned
    }
}
