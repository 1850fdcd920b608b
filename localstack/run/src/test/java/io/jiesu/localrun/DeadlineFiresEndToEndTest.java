package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A deadline fires through the whole local cloud: the scheduler stand-in fires the ticket's schedule into the
 * deadline queue, the event source mapping feeds the deadline stage process, which marks the ticket. A run of
 * its own, with a five-second sign window, so the deadline comes while the test waits, and on a fixed clock
 * (a Monday morning in March 2026, far from holidays and make-up working days), so that what the calendar gives
 * does not depend on the day the test runs.
 */
class DeadlineFiresEndToEndTest {
    /** 2026-03-02 09:00 in Shanghai. */
    private static final java.time.Instant MONDAY_0900 = java.time.Instant.parse("2026-03-02T01:00:00Z");
    private static LocalRun run;
    private static Api api;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("jiesu.root", "../..")).toAbsolutePath().normalize();
        run = LocalRun.start(new LocalRun.Options(0, 0, 3, 5, root, Map.of("jiesu.policy.sign-window", "PT5S"))
                .startingAt(MONDAY_0900));
        api = new Api(run);
    }

    @AfterAll
    static void stop() {
        run.close();
    }

    @Test
    void anUnsignedTicketIsMarkedSignOverdueAndEscalatedWhenItsSignWindowPasses() {
        String dispatcher = api.token("dispatcher");
        String id = api.post("/v1/tickets", api.token("agent"), Api.complaint("暖气不热 无人签收")).text("id");
        api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("dispatched"), "dispatched");
        JsonNode late = api.awaitTicket(id, dispatcher, t -> t.path("supervision").path("signOverdue").asBoolean(), "sign overdue");
        assertEquals(1, late.path("supervision").path("escalationLevel").asInt());
        assertEquals("system_notice", late.path("supervision").path("escalationStep").asText());
        JsonNode line = TicketLifeEndToEndTest.find(api.get("/v1/units/heating-company/inbox", api.unitToken("heating-company")).body(), id);
        assertEquals(1, line.path("escalationLevel").asInt(), "the unit's inbox shows the escalation");
        JsonNode history = api.get("/v1/tickets/" + id + "/history", dispatcher).body();
        assertEquals(1, DeliveryGuaranteesEndToEndTest.count(history, "sign_overdue"), "once");
        assertEquals("deadline", history.get(history.size() - 1).path("actor").asText());
    }

    /**
     * Here, not in SupervisionEndToEndTest: on the shared run's real clock it failed on about 26 days of the year
     * (ten working days that take in a make-up working day span 13 calendar days).
     */
    @Test
    void aUnitAsksForMoreDaysAndTheCentreApprovesMovingTheDeadline() {
        String heating = api.unitToken("heating-company");
        String dispatcher = api.token("dispatcher");
        String id = SupervisionEndToEndTest.signedTicket(api, Api.complaint("暖气不热 延期"), "heating-company");
        OffsetDateTime due = OffsetDateTime.parse(api.get("/v1/tickets/" + id, heating).text("replyDueAt"));

        assertEquals(422, api.post("/v1/tickets/" + id + "/extensions", heating, "{\"days\":11,\"reason\":\"需协调\"}").status(),
                "one extension of a complaint adds at most 10 working days");
        Api.Reply asked = api.post("/v1/tickets/" + id + "/extensions", heating, "{\"days\":10,\"reason\":\"需协调热源厂\"}");
        assertEquals(200, asked.status(), asked.raw().body());
        assertEquals("pending", asked.body().path("extensions").get(0).path("status").asText());
        assertEquals(409, api.post("/v1/tickets/" + id + "/extensions", heating, "{\"days\":5,\"reason\":\"again\"}").status(),
                "one request waits at a time");
        JsonNode line = TicketLifeEndToEndTest.find(api.get("/v1/units/heating-company/inbox", heating).body(), id);
        assertTrue(line.path("extensionPending").asBoolean(), "the inbox shows the waiting request");

        assertEquals(403, api.post("/v1/tickets/" + id + "/extensions/decision", heating, "{\"approved\":true}").status(),
                "only the hotline centre decides");
        Api.Reply approved = api.post("/v1/tickets/" + id + "/extensions/decision", dispatcher, "{\"approved\":true,\"note\":\"同意\"}");
        assertEquals(200, approved.status(), approved.raw().body());
        OffsetDateTime moved = OffsetDateTime.parse(approved.text("replyDueAt"));
        assertTrue(moved.isAfter(due.plusDays(13)), "10 working days later: " + due + " -> " + moved);
        assertEquals("17:30", moved.toLocalTime().toString(), "still at close of business");
    }
}
