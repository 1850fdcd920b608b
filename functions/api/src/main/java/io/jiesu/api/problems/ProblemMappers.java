package io.jiesu.api.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.jiesu.aws.tickets.ConcurrentTransitionException;
import io.jiesu.aws.tickets.IdempotencyKeyReusedException;
import io.jiesu.aws.tickets.TicketNotFoundException;
import io.jiesu.core.ticket.TicketRefusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every failure the API answers, as application/problem+json; never a stack trace, never a 500 for bad input. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE = "https://jiesu.io/problems/";

    @ServerExceptionMapper
    public Response refused(TicketRefusal e) {
        return switch (e.reason()) {
            case INVALID -> respond(422, "invalid-request", "The request breaks a rule of the hotline", e.getMessage(),
                    e.field() == null ? List.of() : List.of(new Problem.FieldError(e.field(), e.getMessage())));
            case NOT_ASSIGNED -> respond(403, "not-your-ticket", "Not allowed on this ticket", e.getMessage(), List.of());
            case WINDOW_CLOSED -> respond(409, "window-closed", "Too late for this step", e.getMessage(), List.of());
            case WRONG_STATE -> respond(409, "wrong-state", "Not allowed in the ticket's current state", e.getMessage(), List.of());
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
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return respond(400, "validation", "The request has invalid fields",
                errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")), errors);
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
        return respond(400, "malformed-json", "The body is not valid JSON", e.getOriginalMessage(), List.of());
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
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf("request failed: %s", e.getClass().getSimpleName());
        }
        String slug = switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        Response.StatusType s = e.getResponse().getStatusInfo();
        return respond(status, slug, s.getReasonPhrase(), e.getMessage(), List.of());
    }

    private static Response badJson(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                : "has the wrong type or value";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        return respond(400, "invalid-json", "The body does not fit the request's shape",
                field.isEmpty() ? e.getOriginalMessage() : field + " " + message, errors);
    }

    /** The request field a violation names: the last node of its path (method and parameter names dropped). */
    private static String field(ConstraintViolation<?> v) {
        String last = null;
        for (Path.Node n : v.getPropertyPath()) {
            last = n.getName();
        }
        return "idempotencyKey".equals(last) ? "Idempotency-Key" : last;
    }

    static Response respond(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE + slug, title, status, detail, errors)).build();
    }
}
