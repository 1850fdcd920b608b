package io.jiesu.api;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Deployed, the api takes only tokens the city's identity provider issued to the console: the template gives the
 * api function JIESU_JWT_AUDIENCE (its ConsoleClientId) and the api's configuration makes it the audience MicroProfile
 * JWT requires ("aud"). Unset (the local run and the tests, whose tokens carry no "aud") it requires none. Read here as
 * Quarkus reads it, without starting the application: a second configuration of the api would need a test profile,
 * which the ordered test classes of this module cannot have.
 */
class TokenAudienceConfigTest {
    @Test
    void theConsolesClientIdIsTheAudienceTheApiRequires() throws IOException {
        assertEquals(Optional.of(Set.of("jiesu-console")), audiences(Map.of("JIESU_JWT_AUDIENCE", "jiesu-console")));
    }

    @Test
    void withoutOneNoAudienceIsRequired() throws IOException {
        assertEquals(Optional.empty(), audiences(Map.of()));
    }

    private static Optional<Set<String>> audiences(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(TokenAudienceConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
        return config.getOptionalValues("mp.jwt.verify.audiences", String.class).map(Set::copyOf);
    }
}
