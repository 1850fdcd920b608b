package io.jiesu.localrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Playwright script of web/e2e run with node against the local run, in the system's headless Chromium: it passes
 * when it ends in time, exits 0 and logs its last line. Skipped without Chromium; the console must be built.
 */
final class BrowserScript {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private BrowserScript() {
    }

    /** web/, once Chromium and the built console are there. */
    static Path web() {
        Path web = Path.of(System.getProperty("jiesu.root", "../..")).resolve("web");
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (.ci/run installs it: apt-get install chromium)");
        assertTrue(Files.exists(web.resolve("dist/index.html")), "the console is built by the web module before this one");
        return web;
    }

    /** Runs e2e/{name}.mjs with these variables, its output in e2e/{name}.log; returns the output. */
    static String run(String name, Map<String, String> env, Duration limit, String passed) throws Exception {
        Path web = web();
        Path log = web.resolve("e2e/" + name + ".log");
        ProcessBuilder browser = new ProcessBuilder("node", "e2e/" + name + ".mjs").directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browser.environment().putAll(env);
        browser.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = browser.start();
        boolean ended = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = Files.readString(log);
        System.out.println(out);
        assertTrue(ended, "the browser run ended in time:\n" + out);
        assertEquals(0, process.exitValue(), "every check passed:\n" + out);
        assertTrue(out.contains(passed), out);
        return out;
    }
}
