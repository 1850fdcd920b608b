package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** A ticket's whole life through the running api and stages: HTTP, SQS, the stage processes, DynamoDB. */
@ExtendWith(RunningPipeline.class)
class TicketLifeEndToEndTest {
    private static final String REPLY = """
            {"result":"已排查换热站并修复阀门，室温恢复至20度","outcome":"solved","handlerName":"李工",
             "handlerPhone":"01064001234"}""";

    @Test
    void aComplaintIsTakenInDispatchedSignedRepliedCalledBackAndClosed(Api api) {
        String agent = api.token("agent");
        String dispatcher = api.token("dispatcher");
        String heating = api.unitToken("heating-company");
        String reviewer = api.reviewerToken("heating-company");
        String key = UUID.randomUUID().toString();

        Api.Reply created = api.post("/v1/tickets", agent, Api.complaint("小区暖气不热，室温只有14度"), key);
        assertEquals(201, created.status(), created.raw().body());
        String id = created.text("id");
        assertEquals("received", created.text("state"));
        assertEquals("/v1/tickets/" + id, created.raw().headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", ""));

        Api.Reply retried = api.post("/v1/tickets", agent, Api.complaint("小区暖气不热，室温只有14度"), key);
        assertEquals(200, retried.status());
        assertEquals(id, retried.text("id"), "a retry with the same Idempotency-Key returns the same ticket");

        JsonNode dispatched = api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("dispatched"), "dispatched");
        assertEquals("heating-company", dispatched.path("leadUnit").asText());
        assertEquals("housing-bureau", dispatched.path("coUnits").get(0).asText());
        assertTrue(dispatched.path("citizen").path("masked").asBoolean(), "a dispatcher sees the citizen masked");
        assertEquals("138****5678", dispatched.path("citizen").path("phone").asText());

        JsonNode inbox = api.get("/v1/units/heating-company/inbox?state=dispatched", heating).body();
        assertTrue(ids(inbox).contains(id), "the lead unit's inbox lists the ticket");
        assertTrue(ids(api.get("/v1/units/housing-bureau/inbox", api.unitToken("housing-bureau")).body()).contains(id),
                "the co-unit's inbox lists it too");

        Api.Reply seenByUnit = api.get("/v1/tickets/" + id, heating);
        assertEquals("13812345678", seenByUnit.body().path("citizen").path("phone").asText(),
                "the unit that must contact the citizen sees the phone in full");
        Api.Reply seenByCoUnit = api.get("/v1/tickets/" + id, api.unitToken("housing-bureau"));
        assertEquals("138****5678", seenByCoUnit.body().path("citizen").path("phone").asText(),
                "a co-unit does not contact the citizen: masked");

        assertEquals(200, api.post("/v1/tickets/" + id + "/sign", heating, null).status());
        assertEquals(403, api.post("/v1/tickets/" + id + "/reply", heating, REPLY).status(),
                "a reply leaves the unit only through its reviewer");
        Api.Reply early = api.post("/v1/tickets/" + id + "/reply", reviewer, REPLY);
        assertEquals(422, early.status(), "no reply before the first contact");
        assertEquals("contacts", early.body().path("errors").get(0).path("field").asText());
        assertEquals(200, api.post("/v1/tickets/" + id + "/contacts", heating, "{\"kind\":\"first\",\"note\":\"已致电\"}").status());

        Api.Reply empty = api.post("/v1/tickets/" + id + "/reply", reviewer, REPLY.replace("已排查换热站并修复阀门，室温恢复至20度", " "));
        assertEquals(400, empty.status());
        assertEquals("result", empty.body().path("errors").get(0).path("field").asText());
        Api.Reply noHandler = api.post("/v1/tickets/" + id + "/reply", reviewer, REPLY.replace("\"李工\"", "null"));
        assertEquals(400, noHandler.status());
        assertEquals("handlerName", noHandler.body().path("errors").get(0).path("field").asText());

        assertEquals(200, api.post("/v1/tickets/" + id + "/contacts", heating, "{\"kind\":\"result\"}").status());
        Api.Reply replied = api.post("/v1/tickets/" + id + "/reply", reviewer, REPLY);
        assertEquals(200, replied.status());
        assertEquals("reviewer-heating-company", replied.body().path("reply").path("reviewer").asText(),
                "the reviewer who approved it is recorded from the token");
        api.awaitTicket(id, agent, t -> t.path("state").asText().equals("awaiting_callback"), "awaiting its callback");

        assertEquals(200, api.post("/v1/tickets/" + id + "/callback", agent, "{\"satisfaction\":\"satisfied\",\"solved\":true}").status());
        JsonNode closed = api.awaitTicket(id, agent, t -> t.path("state").asText().equals("closed"), "closed");
        assertEquals("satisfied", closed.path("closure").asText());

        JsonNode history = api.get("/v1/tickets/" + id + "/history", dispatcher).body();
        List<String> types = new ArrayList<>();
        history.forEach(e -> types.add(e.path("type").asText()));
        assertEquals(List.of("ticket_received", "ticket_dispatched", "ticket_signed", "citizen_contacted",
                "citizen_contacted", "ticket_replied", "callback_window_opened", "callback_recorded", "ticket_closed"), types);
        history.forEach(e -> {
            assertFalse(e.path("actor").asText().isBlank(), "every step names its actor");
            assertFalse(e.path("at").asText().isBlank(), "every step has its time");
        });
        assertEquals("staff-heating-company", history.get(2).path("actor").asText());
        assertFalse(history.toString().contains("13812345678"), "history carries no phone number");
        assertFalse(ids(api.get("/v1/units/heating-company/inbox", heating).body()).contains(id), "a closed ticket leaves the inbox");
        Api.Reply record = api.get("/v1/tickets/" + id, heating);
        assertEquals(200, record.status(), "the unit that handled it keeps its record");
        assertTrue(record.body().path("citizen").path("masked").asBoolean(), "but no longer needs the citizen's phone");
        assertEquals(403, api.get("/v1/tickets/" + id, api.unitToken("water-authority")).status());
    }

    @Test
    void aUnitIsRefusedOnAnotherUnitsTicketForReadingAndEveryAction(Api api) {
        String id = api.post("/v1/tickets", api.token("agent"), Api.complaint("暖气不热")).text("id");
        api.awaitTicket(id, api.token("dispatcher"), t -> t.path("state").asText().equals("dispatched"), "dispatched");
        String water = api.unitToken("water-authority");
        assertEquals(403, api.get("/v1/tickets/" + id, water).status());
        assertEquals(403, api.get("/v1/tickets/" + id + "/history", water).status());
        assertEquals(403, api.post("/v1/tickets/" + id + "/sign", water, null).status());
        assertEquals(403, api.post("/v1/tickets/" + id + "/return", water, "{\"reason\":\"不是我们的\"}").status());
        assertEquals(403, api.post("/v1/tickets/" + id + "/contacts", water, "{\"kind\":\"first\"}").status());
        assertEquals(403, api.post("/v1/tickets/" + id + "/reply", api.reviewerToken("water-authority"), REPLY).status());
        assertEquals(403, api.get("/v1/units/heating-company/inbox", water).status());
        // a co-unit may read the ticket but only the lead signs it
        String coUnit = api.unitToken("housing-bureau");
        assertEquals(200, api.get("/v1/tickets/" + id, coUnit).status());
        assertEquals(403, api.post("/v1/tickets/" + id + "/sign", coUnit, null).status());
        Api.Reply stillDispatched = api.get("/v1/tickets/" + id, api.token("dispatcher"));
        assertEquals("dispatched", stillDispatched.text("state"), "refused actions change nothing");
    }

    static JsonNode find(JsonNode inbox, String id) {
        for (JsonNode e : inbox) {
            if (e.path("ticketId").asText().equals(id)) {
                return e;
            }
        }
        return fail("ticket " + id + " is not in the inbox " + inbox);
    }

    static List<String> ids(JsonNode inbox) {
        List<String> ids = new ArrayList<>();
        inbox.forEach(e -> ids.add(e.path("ticketId").asText()));
        return ids;
    }
}
