package io.jiesu.api.knowledge;

import io.jiesu.api.problems.Problem;
import io.jiesu.aws.knowledge.KnowledgeBase;
import io.jiesu.core.knowledge.Articles;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

import static io.jiesu.api.problems.ProblemMappers.respond;

/** The knowledge base's own failures as application/problem+json; its rules' refusals are {@link io.jiesu.core.Refusal}s. */
public class KnowledgeProblems {

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
