package io.jiesu.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private record Operation(String method, String template, Pattern pattern, JsonNode node) {
    }

    @Test
    void everyAnswerTheTestsSawIsDocumentedAndFitsItsSchema() throws Exception {
        TestApi api = new TestApi(base.toURI());
        JsonNode doc = api.get("/q/openapi?format=json", null).body();
        List<Operation> operations = operations(doc);
        Map<String, JsonSchema> compiled = new HashMap<>();
        Set<String> wrong = new LinkedHashSet<>();
        Set<String> checkedKinds = new LinkedHashSet<>();
        int checked = 0;
        for (TestApi.Seen seen : List.copyOf(TestApi.SEEN)) {
            if (!seen.path().startsWith("/v1/")) {
                continue;
            }
            Operation op = operations.stream().filter(o -> o.method().equalsIgnoreCase(seen.method())
                    && o.pattern().matcher(seen.path()).matches()).findFirst().orElse(null);
            if (op == null) {
                continue; // no such operation (405, or a route that does not exist): nothing to document it on
            }
            String where = seen.method() + " " + op.template() + " " + seen.status();
            checked++;
            checkedKinds.add(where);
            JsonNode response = op.node().path("responses").path(Integer.toString(seen.status()));
            if (response.isMissingNode()) {
                wrong.add(where + ": status not documented (documented: " + keys(op.node().path("responses")) + ")");
                continue;
            }
            if (seen.body() == null || seen.body().isEmpty()) {
                continue;
            }
            String type = seen.contentType() == null ? "" : seen.contentType().split(";")[0].trim();
            JsonNode media = response.path("content").path(type);
            if (media.isMissingNode()) {
                wrong.add(where + ": content type '" + type + "' not documented (documented: " + keys(response.path("content")) + ")");
                continue;
            }
            JsonSchema schema = compiled.computeIfAbsent(where + " " + type, k -> schema(doc, media.path("schema")));
            JsonNode body;
            try {
                body = JSON.readTree(seen.body());
            } catch (java.io.IOException e) {
                wrong.add(where + ": body is not JSON although documented as " + type);
                continue;
            }
            Set<ValidationMessage> errors = schema.validate(body);
            if (!errors.isEmpty()) {
                wrong.add(where + ": body does not fit the documented schema: " + errors.stream().limit(5).toList()
                        + " in " + abbreviate(seen.body()));
            }
        }
        System.out.printf("OpenAPI check: %d answers of %d kinds (operation, status) checked against the document%n",
                checked, checkedKinds.size());
        assertTrue(checkedKinds.size() >= 20, "the check saw too few kinds of answer to mean much (run it with the other api tests): " + checkedKinds);
        assertTrue(wrong.isEmpty(), "the OpenAPI document does not tell the truth:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void everyOperationHasASummaryADescriptionAndItsProblemResponses() throws Exception {
        TestApi api = new TestApi(base.toURI());
        JsonNode doc = api.get("/q/openapi?format=json", null).body();
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations(doc)) {
            String name = op.method() + " " + op.template();
            String summary = op.node().path("summary").asText("");
            if (summary.isBlank() || summary.matches("[A-Z][a-z]+( [A-Z][a-z]+)*")) {
                wrong.add(name + ": summary '" + summary + "' is missing or a method name");
            }
            if (op.node().path("description").asText("").isBlank()) {
                wrong.add(name + ": no description");
            }
            op.node().path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") && r.getValue().path("content").path("application/problem+json").isMissingNode()) {
                    wrong.add(name + " " + r.getKey() + ": not documented as application/problem+json");
                }
                if (r.getKey().startsWith("2") && r.getValue().path("content").path("application/json").path("schema").isEmpty()) {
                    wrong.add(name + " " + r.getKey() + ": no schema for its body");
                }
            });
            if (!op.template().startsWith("/v1/province/") && op.node().path("responses").path("401").isMissingNode()) {
                wrong.add(name + ": 401 not documented");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (!p.getKey().startsWith("/v1/")) {
                continue;
            }
            Pattern pattern = Pattern.compile(p.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
            p.getValue().fields().forEachRemaining(m -> {
                if (List.of("get", "put", "post", "delete", "patch").contains(m.getKey())) {
                    out.add(new Operation(m.getKey().toUpperCase(), p.getKey(), pattern, m.getValue()));
                }
            });
        }
        return out;
    }

    /** The documented schema as a JSON Schema 2020-12 document whose #/components/... references resolve. */
    private static JsonSchema schema(JsonNode doc, JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        if (schema.isObject()) {
            root.setAll((ObjectNode) schema.deepCopy());
        }
        root.set("components", doc.path("components"));
        return SCHEMAS.getSchema(root);
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
