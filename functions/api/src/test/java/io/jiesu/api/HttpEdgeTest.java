package io.jiesu.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.jiesu.localcloud.testing.TestCloud;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Instant;

import static io.jiesu.api.TestApi.assertField;
import static io.jiesu.api.TestApi.assertProblem;
import static org.junit.jupiter.api.Assertions.*;

/** Bad tokens and bad input get a clear problem+json, never a 500, and store nothing. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class HttpEdgeTest {
    @TestHTTPResource("/")
    java.net.URL base;
    @Inject
    TicketWorkflow workflow;
    @Inject
    java.time.Clock clock;
    TestApi api;

    @BeforeEach
    void api() throws Exception {
        api = new TestApi(base.toURI());
    }


    @Test
    void requestsWithoutAValidTokenAreRefusedWith401() {
        assertProblem(api.get("/v1/tickets/T-x", null), 401);
        String expired = TestCloud.mint().mint("agent-test", "agent", null, Instant.now().minusSeconds(7200), Duration.ofHours(1));
        assertProblem(api.get("/v1/tickets/T-x", expired), 401);
        String foreign = io.jiesu.localcloud.tokens.TokenMint.generate().mint("agent-test", "agent", null, Duration.ofHours(1));
        assertProblem(api.get("/v1/tickets/T-x", foreign), 401);
    }

    @Test
    void aRoleThatMayNotDoSomethingIsRefusedWith403() {
        assertProblem(api.post("/v1/tickets", api.token("supervisor"), TestApi.complaint("暖气不热")), 403);
        assertProblem(api.post("/v1/tickets/T-x/dispatch", api.token("agent"), "{\"leadUnit\":\"x\"}"), 403);
        assertProblem(api.post("/v1/tickets/T-x/callback", api.token("dispatcher"), "{\"satisfaction\":\"satisfied\",\"solved\":true}"), 403);
    }

    @Test
    void aTokenWithSeveralRolesIsRefused() {
        String twoRoles = TestCloud.mint().mint("agent-and-unit", "agent\",\"unit", "heating-company", Duration.ofHours(1));
        assertProblem(api.get("/v1/units/heating-company/inbox", twoRoles), 403);
    }

    @Test
    void aCitizenFilesOnlineAndCannotCloseATicketOnTheSpot() {
        String citizen = api.token("citizen");
        assertField(api.post("/v1/tickets", citizen, TestApi.complaint("x")), 422, "channel");
        String online = TestApi.complaint("路灯不亮").replace("\"phone\"", "\"web\"");
        assertField(api.post("/v1/tickets", citizen, online.replace("\"location\"", "\"answeredOnSpot\":true,\"location\"")),
                422, "answeredOnSpot");
        TestApi.Reply filed = api.post("/v1/tickets", citizen, online);
        assertEquals(201, filed.status(), filed.raw().body());
        String id = filed.text("id");
        assertEquals(200, api.get("/v1/tickets/" + id, citizen).status(), "a citizen follows their own ticket");
        String otherCitizen = TestCloud.mint().mint("someone-else", "citizen", null, Duration.ofHours(1));
        assertProblem(api.get("/v1/tickets/" + id, otherCitizen), 403);
        api.get("/v1/tickets/" + id + "/history", api.token("dispatcher")).body()
                .forEach(e -> assertNotEquals("citizen-test", e.path("actor").asText(), "history shows no citizen's id"));
    }

    @Test
    void badInputIsAnsweredWithTheFieldToFix() {
        String agent = api.token("agent");
        long ticketsBefore = ticketItems();
        assertField(api.post("/v1/tickets", agent, TestApi.complaint("x").replace("complaint", "grumble")), 400, "category");
        assertField(api.post("/v1/tickets", agent, TestApi.complaint("x").replace("13812345678", "12345")), 400, "citizenPhone");
        assertField(api.post("/v1/tickets", agent, TestApi.complaint("x".repeat(4001))), 400, "content");
        assertField(api.post("/v1/tickets", agent, TestApi.complaint("   ")), 400, "content");
        assertProblem(api.post("/v1/tickets", agent, "{\"category\":"), 400);
        assertProblem(api.post("/v1/tickets", agent, null), 400);
        assertProblem(api.send(api.request("/v1/tickets", agent).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build()), 415);
        assertProblem(api.post("/v1/tickets", agent, TestApi.complaint("y".repeat(70_000))), 413);
        assertProblem(api.get("/v1/tickets/T-does-not-exist", agent), 404);
        assertEquals(ticketsBefore, ticketItems(), "no refused request left a ticket behind");
    }

    /** Tickets in the table, read past the api: a half-written ticket would show here and nowhere else. */
    private static long ticketItems() {
        try (var dynamo = TestCloud.dynamo()) {
            return dynamo.scanPaginator(b -> b.tableName(CloudResources.TABLE).filterExpression("SK = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("TICKET"))).select(Select.COUNT))
                    .stream().mapToLong(ScanResponse::count).sum();
        }
    }

    @Test
    void everyInstantTheApiReturnsIsInTheDeploymentsZoneWithItsOffset() {
        String supervisor = api.token("supervisor");
        String id = api.dispatchedTicket(workflow, clock, "暖气片漏水", "heating-company");
        List<String> instants = new ArrayList<>();
        for (String path : List.of("/v1/tickets/" + id, "/v1/tickets/" + id + "/history",
                "/v1/units/heating-company/inbox", "/v1/dispatch/pending")) {
            TestApi.Reply r = api.get(path, supervisor);
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

    /**
     * Tokens signed with the run's own key whose claims have shapes the api does not act on: each is refused with
     * 401 or 403 as problem+json, never a 500. Each is a unit's token for its own inbox, which a well-formed one
     * reads (the first row), so only the odd claim can be why it is refused.
     */
    @Test
    void everyShapeOfClaimIsRefusedAsAProblemNeverA500() {
        long now = Instant.now().getEpochSecond();
        String base = "\"iss\":\"" + io.jiesu.localcloud.tokens.TokenMint.ISSUER + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600);
        String sub = "\"sub\":\"staff-heating\",\"upn\":\"staff-heating\"";
        String groups = "\"groups\":[\"unit\"]";
        String inbox = "/v1/units/heating-company/inbox";
        assertEquals(200, api.get(inbox, TestCloud.mint().sign("{" + base + "," + sub + "," + groups + ",\"unit\":\"heating-company\"}")).status(),
                "the well-formed token reads its inbox");
        java.util.Map<String, String> shapes = new java.util.LinkedHashMap<>();
        shapes.put("unit a list", sub + "," + groups + ",\"unit\":[\"heating-company\"]");
        shapes.put("unit an empty list", sub + "," + groups + ",\"unit\":[]");
        shapes.put("unit a number", sub + "," + groups + ",\"unit\":42");
        shapes.put("unit an object", sub + "," + groups + ",\"unit\":{\"id\":\"heating-company\"}");
        shapes.put("unit empty", sub + "," + groups + ",\"unit\":\"\"");
        shapes.put("unit blank", sub + "," + groups + ",\"unit\":\"  \"");
        shapes.put("unit true", sub + "," + groups + ",\"unit\":true");
        shapes.put("unit null", sub + "," + groups + ",\"unit\":null");
        shapes.put("unit missing", sub + "," + groups);
        shapes.put("sub a number", "\"sub\":42,\"upn\":\"staff-heating\"," + groups + ",\"unit\":\"heating-company\"");
        shapes.put("sub a list", "\"sub\":[\"staff\"],\"upn\":\"staff-heating\"," + groups + ",\"unit\":\"heating-company\"");
        shapes.put("sub an object", "\"sub\":{\"id\":1},\"upn\":\"staff-heating\"," + groups + ",\"unit\":\"heating-company\"");
        shapes.put("sub empty", "\"sub\":\"\",\"upn\":\"staff-heating\"," + groups + ",\"unit\":\"heating-company\"");
        shapes.put("groups a string", sub + ",\"groups\":\"unit\",\"unit\":\"heating-company\"");
        shapes.put("groups a number", sub + ",\"groups\":7,\"unit\":\"heating-company\"");
        shapes.put("groups a list of numbers", sub + ",\"groups\":[1,2],\"unit\":\"heating-company\"");
        shapes.put("groups an object", sub + ",\"groups\":{\"unit\":true},\"unit\":\"heating-company\"");
        shapes.put("groups a list of lists", sub + ",\"groups\":[[\"unit\"]],\"unit\":\"heating-company\"");
        java.util.List<org.junit.jupiter.api.function.Executable> checks = new java.util.ArrayList<>();
        for (var shape : shapes.entrySet()) {
            String token = TestCloud.mint().sign("{" + base + "," + shape.getValue() + "}");
            TestApi.Reply r = api.get(inbox, token);
            TestApi.Reply ticket = api.get("/v1/tickets/T20260101-NOSUCH", token);
            for (TestApi.Reply reply : java.util.List.of(r, ticket)) {
                checks.add(() -> {
                    String what = shape.getKey() + ": " + reply.status() + " " + reply.raw().body();
                    assertTrue(reply.status() == 401 || reply.status() == 403, what);
                    assertEquals("application/problem+json", reply.raw().headers().firstValue("Content-Type").orElse(""), what);
                });
            }
        }
        assertAll("claim shapes", checks);
    }
}
