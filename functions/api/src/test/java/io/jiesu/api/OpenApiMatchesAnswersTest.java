package io.jiesu.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.jiesu.localcloud.testing.OpenApiCheck;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document tells the truth: every answer the api's tests of this JVM received from a documented operation
 * (TestApi records them all) has its status documented for that operation, its content type among the documented
 * ones, and a body that validates against the documented schema. It runs last (junit-platform.properties), so it
 * holds the document to everything the other tests saw; run it with them. And every operation is described.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@Order(Integer.MAX_VALUE)
class OpenApiMatchesAnswersTest {
    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void everyAnswerTheTestsSawIsDocumentedAndFitsItsSchema() throws Exception {
        JsonNode doc = new TestApi(base.toURI()).get("/q/openapi?format=json", null).body();
        OpenApiCheck.Result result = OpenApiCheck.check(doc, List.copyOf(TestApi.SEEN));
        System.out.printf("OpenAPI check: %d answers of %d kinds (operation, status) checked against the document%n",
                result.checked(), result.kinds().size());
        assertTrue(result.kinds().size() >= 20,
                "the check saw too few kinds of answer to mean much (run it with the other api tests): " + result.kinds());
        assertTrue(result.wrong().isEmpty(), "the OpenAPI document does not tell the truth:\n  " + String.join("\n  ", result.wrong()));
    }

    @Test
    void everyOperationHasASummaryADescriptionAndItsProblemResponses() throws Exception {
        JsonNode doc = new TestApi(base.toURI()).get("/q/openapi?format=json", null).body();
        List<String> wrong = OpenApiCheck.undescribed(doc);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
