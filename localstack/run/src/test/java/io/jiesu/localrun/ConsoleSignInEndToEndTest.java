package io.jiesu.localrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

/**
 * The console as a city deploys it, in headless Chromium: config.json names an identity provider (the local run's
 * stand-in, {@link OidcProvider}), so the sign-in screen offers the city's sign-in instead of the role picker; the
 * browser goes through the code flow with PKCE, comes back to the screen it asked for, and calls the api with a
 * token the api accepts. The checks are in web/e2e/oidc.mjs.
 */
@ExtendWith(RunningPipeline.class)
class ConsoleSignInEndToEndTest {
    @Test
    void theConsoleSignsInWithTheIdentityProviderAndCallsTheApi(Api api) throws Exception {
        BrowserScript.web();
        BrowserScript.run("oidc", Map.of(
                "JIESU_CONSOLE", api.run.serveConsoleWithProvider(0).orElseThrow().toString(),
                "JIESU_CLIENT_ID", OidcProvider.CLIENT_ID), Duration.ofMinutes(3), "oidc: all checks passed");
    }
}
