package io.jiesu.localcloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Holds the api's OpenAPI document to the answers tests received: each answer of a documented operation must have its
 * status documented for that operation, its content type among the documented ones, and a body that validates against
 * the documented schema. The api's own tests and the end-to-end tests (against the packaged api) both use it.
 */
public final class OpenApiCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** One answer a test received. */
    public record Answer(String method, String path, int status, String contentType, String body) {
    }

    /** How many answers were checked, of which kinds (operation and status), and what did not hold. */
    public record Result(int checked, Set<String> kinds, Set<String> wrong) {
    }

    private record Operation(String method, String template, Pattern pattern, JsonNode node) {
    }

    private OpenApiCheck() {
    }

    public static Result check(JsonNode doc, Collection<Answer> answers) {
        List<Operation> operations = operations(doc);
        Map<String, JsonSchema> compiled = new HashMap<>();
        Set<String> wrong = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        int checked = 0;
        for (Answer seen : answers) {
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
            kinds.add(where);
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
            } catch (IOException e) {
                wrong.add(where + ": body is not JSON although documented as " + type);
                continue;
            }
            Set<ValidationMessage> errors = schema.validate(body);
            if (!errors.isEmpty()) {
                wrong.add(where + ": body does not fit the documented schema: " + errors.stream().limit(5).toList()
                        + " in " + abbreviate(seen.body()));
            }
        }
        return new Result(checked, kinds, wrong);
    }

    /** Operations without a summary or a description, 4xx not as problem+json, 2xx without a schema, or no 401. */
    public static List<String> undescribed(JsonNode doc) {
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
        return wrong;
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
