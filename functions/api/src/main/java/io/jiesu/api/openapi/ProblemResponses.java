package io.jiesu.api.openapi;

import io.jiesu.api.problems.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the OpenAPI document say what the api answers, in one place instead of on every method:
 * <ul>
 * <li>the refusals every operation of its kind can answer, as application/problem+json: 401 and 403 where a
 * token is needed, 400 where there is a parameter or a body, 413 and 415 where there is a body, 404 where a
 * ticket is named, 406 and 414 everywhere (the api answers JSON only; a request line has a limit); 409 and 422
 * are declared on the methods that can answer them, with what they mean there, and get the problem schema here;</li>
 * <li>a property a response may leave null (one not required) is documented as nullable, since the api writes
 * nulls (a ticket not yet dispatched has "leadUnit": null);</li>
 * <li>YearMonth is written as "2026-11", not as the object the scanner sees.</li>
 * </ul>
 * PermissionTableEndToEndTest and OpenApiMatchesResponsesEndToEndTest hold the document to the running api.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH) // at build, so the stored document has it too; again at start, after every other filter
public class ProblemResponses implements OASFilter {
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getComponents().getSchemas().containsKey("YearMonth")) {
            openAPI.getComponents().addSchema("YearMonth", OASFactory.createSchema().addType(SchemaType.STRING)
                    .pattern("^[0-9]{4}-[0-9]{2}$").description("a month, as 2026-11").addExample("2026-11"));
        }
        for (Map.Entry<String, Schema> e : openAPI.getComponents().getSchemas().entrySet()) {
            if (!e.getKey().equals(PROBLEM)) {
                nullableUnlessRequired(e.getValue());
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                addProblems(path.getKey(), op.getValue());
            }
        }
    }

    private static void addProblems(String path, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        boolean webhook = path.startsWith("/v1/province/");
        boolean secured = true; // every /v1 operation needs a bearer token (RolesAllowed), or the webhook its signature
        boolean body = op.getRequestBody() != null;
        boolean parameters = op.getParameters() != null && !op.getParameters().isEmpty();
        if (secured) {
            add(responses, "401", webhook ? "The signature, its timestamp or the province was not accepted"
                    : "No valid bearer token: none, expired, signed by another key, or with claims of the wrong shape");
        }
        if (secured && !webhook) {
            add(responses, "403", "The caller's role, or unit, may not do this (here, or on this ticket)");
        }
        if (body || parameters) {
            add(responses, "400", "A parameter or a field of the body breaks a limit; `errors` names each field to fix");
        }
        if (path.contains("{id}")) {
            add(responses, "404", "No ticket with this id");
        }
        if (body) {
            add(responses, "413", "The body is larger than the api takes (64 KiB)");
            add(responses, "415", "The body is not sent as application/json (or says nothing of what it is)");
        }
        add(responses, "406", "The Accept header asks for something other than JSON");
        add(responses, "414", "The path and query are longer than the api takes (2,048 characters)");
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                r.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (existing.getDescription() == null || List.of("Not Authorized", "Not Allowed", "Bad Request")
                .contains(existing.getDescription())) {
            existing.setDescription(description); // the scanner's generic words
        }
    }

    /** Properties that are not required may be null on the wire: say so (OpenAPI 3.1: a "null" alternative). */
    private static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> p : schema.getProperties().entrySet()) {
            properties.put(p.getKey(), required.contains(p.getKey()) ? p.getValue() : orNull(p.getValue()));
        }
        schema.setProperties(properties);
    }

    private static Schema orNull(Schema s) {
        List<SchemaType> types = s.getType();
        if (s.getRef() == null && s.getEnumeration() == null && types != null && !types.isEmpty()) {
            if (!types.contains(SchemaType.NULL)) {
                List<SchemaType> withNull = new ArrayList<>(types);
                withNull.add(SchemaType.NULL);
                s.setType(withNull);
            }
            return s;
        }
        if (s.getAnyOf() != null && s.getAnyOf().stream().anyMatch(a -> a.getType() != null && a.getType().contains(SchemaType.NULL))) {
            return s;
        }
        return OASFactory.createSchema().addAnyOf(s).addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("the field to fix: a body field (coUnits[1]), or a parameter or header name"))
                .addProperty("message", text)
                .addRequired("field").addRequired("message");
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem (application/problem+json): what went wrong, and for a bad request the fields to fix")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .description("https://jiesu.io/problems/<slug>, e.g. validation, wrong-state, unauthenticated"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .addRequired("type").addRequired("title").addRequired("status");
    }
}
