package io.jiesu.api.knowledge;

import io.jiesu.api.problems.Problem;
import io.jiesu.aws.knowledge.KnowledgeBase;
import io.jiesu.core.knowledge.Articles;
import io.jiesu.core.knowledge.KnowledgeRefusal;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

import static io.jiesu.api.problems.ProblemMappers.respond;

/** The knowledge base's refusals as application/problem+json, the way tickets' are answered. */
public class KnowledgeProblems {

    @ServerExceptionMapper
    public Response refused(KnowledgeRefusal e) {
        return switch (e.reason()) {
            case INVALID -> respond(422, "invalid-request", "The request breaks a rule of the knowledge base",
                    e.getMessage(), e.field() == null ? List.of() : List.of(new Problem.FieldError(e.field(), e.getMessage())));
            case NOT_OWNER -> respond(403, "not-your-article", "Not allowed on this article", e.getMessage(), List.of());
            case NOT_CENTRE -> respond(403, "forbidden", "Forbidden", e.getMessage(), List.of());
            case WRONG_STATUS -> respond(409, "wrong-status", "Not allowed in the article's current status", e.getMessage(), List.of());
        };
    }

    @ServerExceptionMapper
    public Response notFound(KnowledgeBase.ArticleNotFound e) {
        return respond(404, "not-found", "No such article", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response conflict(Articles.ConcurrentArticleChange e) {
        return respond(409, "concurrent-change", "The article changed meanwhile", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response badCursor(Articles.BadCursor e) {
        return respond(400, "validation", "The request has invalid fields", "cursor " + e.getMessage(),
                List.of(new Problem.FieldError("cursor", e.getMessage())));
    }
}
