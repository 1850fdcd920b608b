package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A deadline fires through the whole local cloud: the scheduler stand-in fires the ticket's schedule into the
 * deadline queue, the event source mapping feeds the deadline stage process, which marks the ticket. On the shared
 * run, its clock travelled to a fixed Monday morning in March 2026 (far from holidays and make-up working days), so
 * that what the calendar gives does not depend on the day the test runs, and then on past the sign deadline.
 * <p>
 * Travelling moves the whole run's clock, so this class runs after every class that assumes the real clock (last
 * but one, before the OpenAPI check, which only reads the answers), and brings the clock back to now when done.
 */
@ExtendWith(RunningPipeline.class)
@Order(Integer.MAX_VALUE - 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadlineFiresEndToEndTest {
    private static final java.time.Instant MONDAY_0900 = RunningPipeline.MONDAY_0900;
    private static Api api;

    @BeforeAll
    static void toMondayMorning(Api shared) {
        api = shared;
        api.run.travelTo(MONDAY_0900);
    }

    @AfterAll
    static void backToNow() {
        api.run.travelTo(java.time.Instant.now());
    }

    @Test
    @Order(1)
    void anUnsignedTicketIsMarkedSignOverdueAndEscalatedWhenItsSignWindowPasses() {
        String dispatcher = api.token("dispatcher");
        String id = api.post("/v1/tickets", api.token("agent"), Api.complaint("暖气不热 无人签收")).text("id");
        JsonNode dispatched = api.awaitTicket(id, dispatcher, t -> t.path("state").asText().equals("dispatched"), "dispatched");
        // to a minute past the sign deadline: the schedule fires while the test waits
        api.run.travelTo(OffsetDateTime.parse(dispatched.path("signDueAt").asText()).toInstant().plusSeconds(60));
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
    @Order(2)
    void aUnitAsksForMoreDaysAndTheCentreApprovesMovingTheDeadline() {
        api.run.travelTo(MONDAY_0900);
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
