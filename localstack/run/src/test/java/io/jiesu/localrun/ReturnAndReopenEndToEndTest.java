package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.*;

/** Returns, manual dispatch, reopening and explained closure, through the running pipeline. */
@ExtendWith(RunningPipeline.class)
class ReturnAndReopenEndToEndTest {
    private static final String REPLY = """
            {"result":"已协调处理","outcome":"solved","handlerName":"赵工","handlerPhone":"13900001111"}""";

    @Test
    void aReturnedTicketIsNotRoutedAgainToTheUnitThatReturnedItAndADispatcherRoutesItByHand(Api api) {
        String dispatcher = api.token("dispatcher");
        String heating = api.unitToken("heating-company");
        String id = api.post("/v1/tickets", api.token("agent"), Api.complaint("暖气不热")).text("id");
        api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("dispatched"), "dispatched");
        assertEquals(200, api.post("/v1/tickets/" + id + "/sign", heating, null).status());

        Api.Reply noReason = api.post("/v1/tickets/" + id + "/return", heating, "{\"reason\":\"\"}");
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.body().path("errors").get(0).path("field").asText());
        assertEquals(200, api.post("/v1/tickets/" + id + "/return", heating, "{\"reason\":\"属于物业管理范围\"}").status());

        // the catalogue's only heating matter leads to the unit that returned it: a dispatcher must decide
        JsonNode waiting = api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("awaiting_dispatch"),
                "waiting for a dispatcher");
        assertEquals("heating-company", waiting.path("returnedBy").get(0).asText());
        assertTrue(TicketLifeEndToEndTest.ids(api.get("/v1/dispatch/pending", dispatcher).body()).contains(id));
        assertEquals(403, api.get("/v1/tickets/" + id, heating).status(), "the returning unit no longer holds it");

        Api.Reply backToReturner = api.post("/v1/tickets/" + id + "/dispatch", dispatcher, "{\"leadUnit\":\"heating-company\"}");
        assertEquals(422, backToReturner.status(), "not back to the unit that returned it");
        assertEquals("leadUnit", backToReturner.body().path("errors").get(0).path("field").asText());
        Api.Reply unknownUnit = api.post("/v1/tickets/" + id + "/dispatch", dispatcher, "{\"leadUnit\":\"no-such-unit\"}");
        assertEquals(422, unknownUnit.status(), "only units of the catalogue");
        Api.Reply byHand = api.post("/v1/tickets/" + id + "/dispatch", dispatcher, "{\"leadUnit\":\"housing-bureau\",\"coUnits\":[\"street-office-east\"]}");
        assertEquals(200, byHand.status(), byHand.raw().body());
        assertEquals("housing-bureau", byHand.text("leadUnit"));
        assertEquals(403, api.post("/v1/tickets/" + id + "/dispatch", api.unitToken("housing-bureau"),
                "{\"leadUnit\":\"housing-bureau\"}").status(), "units do not dispatch");
    }

    @Test
    void anUnsatisfiedCitizenWithAReasonableDemandReopensTheTicketToTheSameUnit(Api api) {
        String agent = api.token("agent");
        String id = repliedTicket(api, "自来水停水三天了");
        assertEquals(200, api.post("/v1/tickets/" + id + "/callback", agent,
                "{\"satisfaction\":\"unsatisfied\",\"solved\":false,\"demandReasonable\":true}").status());
        JsonNode reopened = api.awaitTicket(id, agent, t -> t.path("reopenCount").asInt() == 1, "reopened");
        assertEquals("dispatched", reopened.path("state").asText());
        assertEquals("water-authority", reopened.path("leadUnit").asText());
        assertTrue(reopened.path("reply").isNull(), "the reopened round starts without a reply");
        assertFalse(reopened.path("replyDueAt").isNull(), "a fresh deadline");
    }

    @Test
    void anUnsatisfiedCitizenWhoseDemandExceedsPolicyIsExplainedAndClosed(Api api) {
        String agent = api.token("agent");
        String id = repliedTicket(api, "水压不足");
        Api.Reply missing = api.post("/v1/tickets/" + id + "/callback", agent, "{\"satisfaction\":\"unsatisfied\",\"solved\":false}");
        assertEquals(422, missing.status(), "unsatisfied must say whether the demand is reasonable");
        assertEquals(200, api.post("/v1/tickets/" + id + "/callback", agent,
                "{\"satisfaction\":\"unsatisfied\",\"solved\":false,\"demandReasonable\":false}").status());
        JsonNode closed = api.awaitTicket(id, agent, t -> t.path("state").asText().equals("closed"), "closed");
        assertEquals("explained", closed.path("closure").asText());
        assertEquals(0, closed.path("reopenCount").asInt());
    }

    private static String repliedTicket(Api api, String content) {
        String water = api.unitToken("water-authority");
        String id = api.post("/v1/tickets", api.token("agent"), Api.complaint(content)).text("id");
        api.awaitTicket(id, water, t -> t.path("state").asText().equals("dispatched"), "dispatched");
        assertEquals(200, api.post("/v1/tickets/" + id + "/sign", water, null).status());
        assertEquals(200, api.post("/v1/tickets/" + id + "/contacts", water, "{\"kind\":\"first\"}").status());
        assertEquals(200, api.post("/v1/tickets/" + id + "/reply", api.reviewerToken("water-authority"), REPLY).status());
        api.awaitTicket(id, water, t -> t.path("state").asText().equals("awaiting_callback"), "awaiting callback");
        return id;
    }
}
