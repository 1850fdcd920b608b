package io.jiesu.localrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void everyRoleWorksItsScreenInABrowser(Api api) throws Exception {
        Path web = Path.of(System.getProperty("jiesu.root", "../..")).resolve("web");
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (.ci/run installs it: apt-get install chromium)");
        assertTrue(Files.exists(web.resolve("dist/index.html")), "the console is built by the web module before this one");

        Map<String, String> tokens = Map.of(
                "agent", api.token("agent"),
                "dispatcher", api.token("dispatcher"),
                "supervisor", api.token("supervisor"),
                "admin", api.token("admin"),
                "unit", api.unitToken("heating-company"),
                "reviewer", api.reviewerToken("heating-company"),
                "otherUnit", api.unitToken("water-authority"),
                "citizen", api.token("citizen"));
        ProcessBuilder browser = new ProcessBuilder("node", "e2e/console.mjs").directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(web.resolve("e2e/console.log").toFile());
        browser.environment().put("JIESU_CONSOLE", api.run.serveConsole(0).orElseThrow().toString());
        browser.environment().put("JIESU_API", api.run.api().toString());
        browser.environment().put("JIESU_TOKENS_JSON", new ObjectMapper().writeValueAsString(tokens));
        browser.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = browser.start();
        boolean ended = process.waitFor(6, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String log = Files.readString(web.resolve("e2e/console.log"));
        System.out.println(log);
        assertTrue(ended, "the browser run ended in time:\n" + log);
        assertEquals(0, process.exitValue(), "every check of the console passed:\n" + log);
        assertTrue(log.contains("console: all checks passed"), log);
    }
}
