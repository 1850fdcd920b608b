package io.jiesu.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A deadline fires through the whole local cloud: the scheduler stand-in fires the ticket's schedule into the
 * deadline queue, the event source mapping feeds the deadline stage process, which marks the ticket. A run of
 * its own, with a five-second sign window, so the deadline comes while the test waits.
 */
class DeadlineFiresEndToEndTest {
    private static LocalRun run;
    private static Api api;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("jiesu.root", "../..")).toAbsolutePath().normalize();
        run = LocalRun.start(new LocalRun.Options(0, 0, 3, 5, root, Map.of("jiesu.policy.sign-window", "PT5S")));
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
}
