package io.jiesu.api.notice;

import io.jiesu.api.problems.Problem;
import io.jiesu.core.notice.NoticeRefusal;
import io.jiesu.core.notice.Notices;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

import static io.jiesu.api.problems.ProblemMappers.respond;

/** The notices' refusals as application/problem+json, like the tickets': the rule's words, the field to fix. */
public class NoticeProblems {

    @ServerExceptionMapper
    public Response refused(NoticeRefusal e) {
        return switch (e.reason()) {
            case INVALID -> respond(422, "invalid-request", "The request breaks a rule of the hotline", e.getMessage(),
                    e.field() == null ? List.of() : List.of(new Problem.FieldError(e.field(), e.getMessage())));
            case NOT_YOURS -> respond(403, "not-your-notice", "Not allowed on this notice", e.getMessage(), List.of());
            case WRONG_STATUS -> respond(409, "wrong-status", "Not allowed in the notice's current status", e.getMessage(), List.of());
        };
    }

    @ServerExceptionMapper
    public Response changed(Notices.NoticeChangedException e) {
        return respond(409, "concurrent-change", "The notice changed meanwhile", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NoticeNotFoundException e) {
        return respond(404, "not-found", "No such notice", e.getMessage(), List.of());
    }
}
