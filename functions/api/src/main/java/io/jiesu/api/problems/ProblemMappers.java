package io.jiesu.api.problems;

import io.jiesu.core.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.jiesu.aws.ticket.ConcurrentTransitionException;
import io.jiesu.aws.ticket.IdempotencyKeyReusedException;
import io.jiesu.aws.ticket.TicketNotFoundException;
import io.jiesu.api.validation.BadInput;
import io.jiesu.api.validation.ParamLimits;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every failure the API answers, as application/problem+json; never a stack trace, never a 500 for bad input. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE = "https://jiesu.io/problems/";

    /** Every rule's refusal, of tickets, articles and notices alike: the rule's words, and the field to fix. */
    @ServerExceptionMapper
    public Response refused(Refusal e) {
        return switch (e.reason()) {
            case INVALID -> respond(422, "invalid-request", "The request breaks a rule of the hotline", e.getMessage(),
                    e.field() == null ? List.of() : List.of(new Problem.FieldError(e.field(), e.getMessage())));
            case WRONG_STATE -> respond(409, "wrong-state", "Not allowed in the ticket's current state", e.getMessage(), List.of());
            case WRONG_STATUS -> respond(409, "wrong-status", "Not allowed in the current status", e.getMessage(), List.of());
            case WINDOW_CLOSED -> respond(409, "window-closed", "Too late for this step", e.getMessage(), List.of());
            case NOT_YOUR_TICKET -> respond(403, "not-your-ticket", "Not allowed on this ticket", e.getMessage(), List.of());
            case NOT_YOUR_ARTICLE -> respond(403, "not-your-article", "Not allowed on this article", e.getMessage(), List.of());
            case NOT_YOUR_NOTICE -> respond(403, "not-your-notice", "Not allowed on this notice", e.getMessage(), List.of());
            case NOT_CENTRE -> respond(403, "forbidden", "Forbidden", e.getMessage(), List.of());
        };
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrentTransitionException e) {
        return respond(409, "concurrent-change", "The ticket changed meanwhile", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response reusedKey(IdempotencyKeyReusedException e) {
        return respond(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(),
                List.of(new Problem.FieldError("Idempotency-Key", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notFound(TicketNotFoundException e) {
        return respond(404, "not-found", "No such ticket", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String field = field(v);
            if (field == null) {
                // a constraint on the body as a whole: only @NotNull, i.e. no body was sent
                body.add(v.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull
                        ? "the body is empty; send a JSON object" : "the body " + v.getMessage());
            } else {
                errors.add(new Problem.FieldError(field, v.getMessage()));
            }
        }
        errors = errors.stream().distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message)).toList();
        String detail = java.util.stream.Stream.concat(body.stream(),
                errors.stream().map(f -> f.field() + " " + f.message())).collect(Collectors.joining("; "));
        return respond(400, "validation", "The request has invalid fields", detail, errors);
    }

    /** A limit checked outside Bean Validation (a path or query parameter, a catalogue field): the same 400. */
    @ServerExceptionMapper
    public Response badInput(BadInput e) {
        return respond(400, "validation", "The request has invalid fields", e.field() + " " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response tooLarge(StreamedBodyLimit.BodyTooLargeException e) {
        return respond(413, "too-large", "Request body too large", e.getMessage(), List.of());
    }

    /** Anything unforeseen: logged with its stack trace here, answered without it. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed unexpectedly", e);
        return respond(500, "internal-error", "Internal Server Error",
                "the request could not be completed; the error has been logged", List.of());
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        // the parser's own message would echo the body (personal data): say only where it broke
        var where = e.getLocation();
        return respond(400, "malformed-json", "The body is not valid JSON", where == null ? "the body is not valid JSON"
                : "the body is not valid JSON at line " + where.getLineNr() + ", column " + where.getColumnNr(), List.of());
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return respond(401, "unauthenticated", "Unauthorized",
                "send a valid bearer token (Authorization: Bearer ...)", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(403, "forbidden", "Forbidden", "your role may not do this", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus REST wraps the body reader's Jackson failures in a plain 400
        if (e.getCause() instanceof JsonMappingException jme) {
            return badJson(jme);
        }
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return malformed(jpe);
        }
        if (e.getResponse().hasEntity() && e.getResponse().getMediaType() != null
                && Problem.MEDIA_TYPE.equals(e.getResponse().getMediaType().toString())) {
            return e.getResponse(); // already a problem
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf("request failed: %s", e.getClass().getSimpleName());
        }
        String slug = switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        Response.StatusType s = e.getResponse().getStatusInfo();
        Response problem = respond(status, slug, s.getReasonPhrase(), e.getMessage(), List.of());
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    private static Response badJson(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return respond(400, "invalid-json", "The body does not fit the request's shape", wholeBody(e), List.of());
        }
        String message = message(e);
        return respond(400, "invalid-json", "The body does not fit the request's shape", field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** What is wrong with a field's value, in the client's terms (never a Java type name). */
    private static String message(JsonMappingException e) {
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return iae.getMessage();
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            var where = unreadable.getLocation();
            return where == null ? "could not be read" : "could not be read (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) {
            return "has the wrong type or value";
        }
        if (target.isEnum()) {
            return "must be one of " + ParamLimits.codes(target);
        }
        if (target == String.class || target == Character.class || target == char.class) {
            return "must be text (in quotes)";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date or time";
        }
        return "must be a JSON object";
    }

    /** What is wrong with the body as a whole. */
    private static String wholeBody(JsonMappingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return "the body has more after its JSON value; send exactly one JSON object";
        }
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return iae.getMessage();
        }
        if (original.startsWith("No content to map")) {
            return "the body is empty; send a JSON object";
        }
        return "the body must be a JSON object with the request's fields";
    }

    /**
     * The request field a violation names, as the client knows it: the body field (citizenPhone; an element of a
     * list with its index, coUnits[1]), or a parameter's query, path or header name (limit, Idempotency-Key);
     * null for the body as a whole. A field nested in an object is named by its own name (phone, not
     * citizen.phone), as it always has been.
     */
    static String field(ConstraintViolation<?> v) {
        StringBuilder out = new StringBuilder();
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        for (Path.Node n : v.getPropertyPath()) {
            switch (n.getKind()) {
                case METHOD -> method = n.as(Path.MethodNode.class);
                case PARAMETER -> parameter = n.as(Path.ParameterNode.class);
                case PROPERTY -> out.setLength(0);
                default -> {
                }
            }
            if (n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (n.isInIterable() && !out.isEmpty()) {
                    Object at = n.getIndex() != null ? n.getIndex() : n.getKey();
                    out.append('[').append(at == null ? "" : at).append(']');
                }
                if (n.getKind() == ElementKind.PROPERTY && n.getName() != null) {
                    out.append(n.getName());
                }
            }
        }
        if (!out.isEmpty()) {
            return out.toString();
        }
        if (parameter == null) {
            return null;
        }
        if (method != null) {
            Optional<String> external = externalName(v.getRootBeanClass(), method, parameter.getParameterIndex());
            if (external != null) {
                return external.orElse(null);
            }
        }
        return parameter.getName();
    }

    /**
     * A resource method parameter's name on the wire: its @QueryParam, @PathParam or @HeaderParam value; empty
     * for the body (a parameter without one); null when the method cannot be found.
     */
    private static Optional<String> externalName(Class<?> type, Path.MethodNode node, int index) {
        Class<?>[] types = node.getParameterTypes().toArray(new Class<?>[0]);
        boolean found = false;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            java.lang.reflect.Method m;
            try {
                m = c.getDeclaredMethod(node.getName(), types);
            } catch (NoSuchMethodException e) {
                continue;
            }
            found = true;
            for (java.lang.annotation.Annotation a : m.getParameterAnnotations()[index]) {
                if (a instanceof jakarta.ws.rs.QueryParam q) {
                    return Optional.of(q.value());
                }
                if (a instanceof jakarta.ws.rs.PathParam p) {
                    return Optional.of(p.value());
                }
                if (a instanceof jakarta.ws.rs.HeaderParam h) {
                    return Optional.of(h.value());
                }
                if (a instanceof jakarta.ws.rs.FormParam f) {
                    return Optional.of(f.value());
                }
                if (a instanceof jakarta.ws.rs.CookieParam k) {
                    return Optional.of(k.value());
                }
            }
        }
        return found ? Optional.empty() : null;
    }

    public static Response respond(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE + slug, title, status, detail, errors)).build();
    }
}
