package io.jiesu.localrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

/**
 * The console (web/) in headless Chromium against the running pipeline: an agent files from the keyboard, the unit
 * signs and contacts, its reviewer replies, the agent records the callback; the unit drafts a knowledge-base article
 * that the centre publishes, the agent sees it (after the notice for the caller's place) as the caller's words are
 * typed and answers on the spot, a citizen finds it and says it answered the question; a dispatcher places an unroutable ticket,
 * a supervisor reads the history, the big screen renders at 1920×1080, an admin reads the catalogue in two languages.
 * A photo attached at intake shows on the lead unit's workbench; another unit neither lists nor opens the ticket;
 * the big screen's intake counter moves when a ticket is filed.
 * The checks are in web/e2e/console.mjs (Playwright); this test gives it the api and a token per role.
 */
@ExtendWith(RunningPipeline.class)
class ConsoleEndToEndTest {
    @Test
    void everyRoleWorksItsScreenInABrowser(Api api) throws Exception {
        BrowserScript.web();
        Map<String, String> tokens = Map.of(
                "agent", api.token("agent"),
                "dispatcher", api.token("dispatcher"),
                "supervisor", api.token("supervisor"),
                "admin", api.token("admin"),
                "unit", api.unitToken("heating-company"),
                "reviewer", api.reviewerToken("heating-company"),
                "otherUnit", api.unitToken("water-authority"),
                "citizen", api.token("citizen"));
        BrowserScript.run("console", Map.of(
                "JIESU_CONSOLE", api.run.serveConsole(0).orElseThrow().toString(),
                "JIESU_API", api.run.api().toString(),
                "JIESU_TOKENS_JSON", new ObjectMapper().writeValueAsString(tokens)), Duration.ofMinutes(6), "console: all checks passed");
    }
}
