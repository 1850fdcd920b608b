package io.jiesu.api.notice;

import io.jiesu.api.problems.Problem;
import io.jiesu.core.notice.Notices;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

import static io.jiesu.api.problems.ProblemMappers.respond;

/** The notices' own failures as application/problem+json; their rules' refusals are {@link io.jiesu.core.Refusal}s. */
public class NoticeProblems {

    @ServerExceptionMapper
    public Response changed(Notices.NoticeChangedException e) {
        return respond(409, "concurrent-change", "The notice changed meanwhile", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NoticeNotFoundException e) {
        return respond(404, "not-found", "No such notice", e.getMessage(), List.of());
    }
}
