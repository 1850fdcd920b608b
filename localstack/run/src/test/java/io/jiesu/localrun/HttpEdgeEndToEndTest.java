package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.resources.CloudResources;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        long ticketsBefore = ticketItems(api);
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
        assertEquals(ticketsBefore, ticketItems(api), "no refused request left a ticket behind");
    }

    /** Tickets in the table, read past the api: a half-written ticket would show here and nowhere else. */
    private static long ticketItems(Api api) {
        return api.run.dynamo().scanPaginator(b -> b.tableName(CloudResources.TABLE).filterExpression("SK = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("TICKET"))).select(Select.COUNT))
                .stream().mapToLong(ScanResponse::count).sum();
    }

    @Test
    void everyInstantTheApiReturnsIsInTheDeploymentsZoneWithItsOffset(Api api) {
        String supervisor = api.token("supervisor");
        String id = api.post("/v1/tickets", api.token("agent"), Api.complaint("暖气片漏水")).text("id");
        api.awaitTicket(id, supervisor, t -> t.path("state").asText().equals("dispatched"), "dispatched");
        List<String> instants = new ArrayList<>();
        for (String path : List.of("/v1/tickets/" + id, "/v1/tickets/" + id + "/history",
                "/v1/units/heating-company/inbox", "/v1/dispatch/pending")) {
            Api.Reply r = api.get(path, supervisor);
            assertEquals(200, r.status(), path + ": " + r.raw().body());
            collectInstants(r.body(), path, instants);
        }
        assertTrue(instants.stream().anyMatch(i -> i.startsWith("/v1/units/")), "the inbox shows due times: " + instants);
        assertTrue(instants.stream().anyMatch(i -> i.contains("/history")), "the history shows when: " + instants);
        for (String i : instants) {
            assertTrue(i.endsWith("+08:00"), "not in Asia/Shanghai with its offset: " + i);
        }
    }

    /** Every string that reads as an ISO date-time, as "path field = value". */
    private static void collectInstants(JsonNode node, String where, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collectInstants(f.getValue(), where + " " + f.getKey(), found));
        } else if (node.isArray()) {
            node.forEach(n -> collectInstants(n, where, found));
        } else if (node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            found.add(where + " = " + node.asText());
        }
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
