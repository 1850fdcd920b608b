package io.jiesu.stages;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The one profile every function test runs under, so Quarkus starts once for all of them; each test picks its
 * function with {@link Lambda#export}, as each Lambda picks it with QUARKUS_FUNQY_EXPORT at start.
 */
public final class Export implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        // a model a test stores is in force for the next ticket, not five minutes later
        return Map.of("jiesu.routing.recheck", "PT0S");
    }
}
