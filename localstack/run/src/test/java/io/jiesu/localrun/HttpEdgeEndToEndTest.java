package io.jiesu.localrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** Bad tokens and bad input get a clear problem+json, never a 500, and store nothing. */
@ExtendWith(RunningPipeline.class)
class HttpEdgeEndToEndTest {

    @Test
    void requestsWithoutAValidTokenAreRefusedWith401(Api api) {
        assertProblem(api.get("/v1/tickets/T-x", null), 401);
        String expired = api.run.mint().mint("agent-e2e", "agent", null, Instant.now().minusSeconds(7200), Duration.ofHours(1));
        assertProblem(api.get("/v1/tickets/T-x", expired), 401);
        String foreign = io.jiesu.localcloud.tokens.TokenMint.generate().mint("agent-e2e", "agent", null, Duration.ofHours(1));
        assertProblem(api.get("/v1/tickets/T-x", foreign), 401);
    }

    @Test
    void aRoleThatMayNotDoSomethingIsRefusedWith403(Api api) {
        assertProblem(api.post("/v1/tickets", api.token("supervisor"), Api.complaint("暖气不热")), 403);
        assertProblem(api.post("/v1/tickets/T-x/dispatch", api.token("agent"), "{\"leadUnit\":\"x\"}"), 403);
        assertProblem(api.post("/v1/tickets/T-x/callback", api.token("dispatcher"), "{\"satisfaction\":\"satisfied\",\"solved\":true}"), 403);
    }

    @Test
    void aTokenWithSeveralRolesIsRefused(Api api) {
        String twoRoles = api.run.mint().mint("agent-and-unit", "agent\",\"unit", "heating-company", Duration.ofHours(1));
        assertProblem(api.get("/v1/units/heating-company/inbox", twoRoles), 403);
    }

    @Test
    void aCitizenFilesOnlineAndCannotCloseATicketOnTheSpot(Api api) {
        String citizen = api.token("citizen");
        assertField(api.post("/v1/tickets", citizen, Api.complaint("x")), 422, "channel");
        String online = Api.complaint("路灯不亮").replace("\"phone\"", "\"web\"");
        assertField(api.post("/v1/tickets", citizen, online.replace("\"location\"", "\"answeredOnSpot\":true,\"location\"")),
                422, "answeredOnSpot");
        Api.Reply filed = api.post("/v1/tickets", citizen, online);
        assertEquals(201, filed.status(), filed.raw().body());
        String id = filed.text("id");
        assertEquals(200, api.get("/v1/tickets/" + id, citizen).status(), "a citizen follows their own ticket");
        String otherCitizen = api.run.mint().mint("someone-else", "citizen", null, Duration.ofHours(1));
        assertProblem(api.get("/v1/tickets/" + id, otherCitizen), 403);
        api.get("/v1/tickets/" + id + "/history", api.token("dispatcher")).body()
                .forEach(e -> assertNotEquals("citizen-e2e", e.path("actor").asText(), "history shows no citizen's id"));
    }

    @Test
    void badInputIsAnsweredWithTheFieldToFix(Api api) {
        String agent = api.token("agent");
        assertField(api.post("/v1/tickets", agent, Api.complaint("x").replace("complaint", "grumble")), 400, "category");
        assertField(api.post("/v1/tickets", agent, Api.complaint("x").replace("13812345678", "12345")), 400, "citizenPhone");
        assertField(api.post("/v1/tickets", agent, Api.complaint("x".repeat(4001))), 400, "content");
        assertField(api.post("/v1/tickets", agent, Api.complaint("   ")), 400, "content");
        assertProblem(api.post("/v1/tickets", agent, "{\"category\":"), 400);
        assertProblem(api.post("/v1/tickets", agent, null), 400);
        assertProblem(api.send(api.request("/v1/tickets", agent).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build()), 415);
        assertProblem(api.post("/v1/tickets", agent, Api.complaint("y".repeat(70_000))), 413);
        assertProblem(api.get("/v1/tickets/T-does-not-exist", agent), 404);
        assertEquals(0, TicketLifeEndToEndTest.ids(api.get("/v1/units/heating-company/inbox?state=received",
                api.token("supervisor")).body()).size());
    }

    private static void assertProblem(Api.Reply r, int status) {
        assertEquals(status, r.status(), r.raw().body());
        assertEquals("application/problem+json", r.raw().headers().firstValue("Content-Type").orElse(""), r.raw().body());
        assertEquals(status, r.body().path("status").asInt());
    }

    private static void assertField(Api.Reply r, int status, String field) {
        assertProblem(r, status);
        assertEquals(field, r.body().path("errors").get(0).path("field").asText(), r.raw().body());
    }
}
