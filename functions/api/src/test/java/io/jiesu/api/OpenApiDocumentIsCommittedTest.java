package io.jiesu.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's contract is committed as docs/openapi.json: integrators read it without building, and the console
 * generates its client from it (so the console builds beside the api, not after it). This holds the committed file to
 * the document the api serves. With {@code -Djiesu.openapi.write=true} it writes the file instead.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class OpenApiDocumentIsCommittedTest {
    private static final Path COMMITTED = Path.of(System.getProperty("jiesu.root", "../.."), "docs/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/q/openapi?format=json")
    java.net.URL document;

    @Test
    void theCommittedDocumentIsTheOneTheApiServes() throws Exception {
        String served;
        try (var in = document.openStream()) {
            served = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("jiesu.openapi.write")) {
            Files.writeString(COMMITTED, served);
        }
        assertTrue(Files.isRegularFile(COMMITTED), COMMITTED.toAbsolutePath().normalize() + " is missing");
        JsonNode committed = JSON.readTree(Files.readString(COMMITTED));
        assertEquals(JSON.readTree(served), committed, "docs/openapi.json is not the document the api serves now;"
                + " write it: ./mvnw -B -o test -pl functions/api -am -Dtest=OpenApiDocumentIsCommittedTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Djiesu.openapi.write=true");
    }
}
