package io.jiesu.api.knowledge;

import io.jiesu.api.knowledge.ArticleRequests.SynonymsBody;
import io.jiesu.api.security.Caller;
import io.jiesu.api.validation.BadInput;
import io.jiesu.aws.knowledge.KnowledgeBase;
import io.jiesu.aws.knowledge.SynonymsStore;
import io.jiesu.core.knowledge.AnswerHit;
import io.jiesu.knowledge.Synonyms;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Answers for a caller's words (the agent desk, as the agent types), the citizens' own search before they file,
 * the articles of a unit that often fail, and the city's synonyms.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AnswersResource {
    @Inject
    KnowledgeBase knowledge;
    @Inject
    AnswerFreshness freshness;
    @Inject
    SynonymsStore synonyms;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Operation(summary = "Answers for a caller's words", description = "The published articles valid now that best "
            + "answer the words (Chinese word segmentation, the city's synonyms, relevance × recency × helpfulness), "
            + "optionally of one category. Cite articleId and version to answer on the spot. Without words: none.")
    @APIResponse(responseCode = "200", description = "The answers, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AnswerView.class)))
    @GET
    @Path("knowledge/answers")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public List<AnswerView> answers(@QueryParam("q") @Size(max = 200) String q,
                                    @QueryParam("category") @Size(max = 64) String category,
                                    @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit) {
        return search(q, () -> knowledge.answers(q, Optional.ofNullable(category), limit), AnswerView::forStaff);
    }

    @Operation(summary = "Answers for a citizen before they file", description = "The same search, kept to the "
            + "articles the unit marked for citizens, with the public text only.")
    @APIResponse(responseCode = "200", description = "The answers, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AnswerView.class)))
    @GET
    @Path("knowledge/public-answers")
    @RolesAllowed({"citizen"})
    public List<AnswerView> citizensAnswers(@QueryParam("q") @Size(max = 200) String q,
                                            @QueryParam("category") @Size(max = 64) String category,
                                            @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit) {
        return search(q, () -> knowledge.citizensAnswers(q, Optional.ofNullable(category), limit), AnswerView::forCitizens);
    }

    /** Nothing typed yet, nothing to answer; otherwise the search, caught up with the other instances first. */
    private List<AnswerView> search(String q, Supplier<List<AnswerHit>> find, Function<AnswerHit, AnswerView> view) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        freshness.ensure();
        return find.get().stream().map(view).toList();
    }

    @Operation(summary = "A unit's articles that often fail", description = "Published articles marked unhelpful "
            + "in at least jiesu.knowledge.failing-share of at least jiesu.knowledge.failing-minimum marks; unit staff read their own unit's.")
    @APIResponse(responseCode = "200", description = "The articles, most marked unhelpful first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ArticleView.class)))
    @GET
    @Path("knowledge/units/{unitId}/failing")
    @RolesAllowed({"dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public List<ArticleView> failing(@PathParam("unitId") @Size(max = 64) String unitId) {
        caller.requireOwnUnit(unitId);
        return UnitArticles.read(knowledge.articles(), unitId).stream().filter(knowledge.policy()::oftenFails)
                .sorted((a, b) -> Long.compare(b.unhelpful(), a.unhelpful())).map(ArticleView::of).toList();
    }

    @Operation(summary = "The city's synonyms", description = "Groups of words of equal meaning the answer search "
            + "widens a caller's words with (暖气, 供暖); the shipped list until an admin writes one.")
    @APIResponse(responseCode = "200", description = "The groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SynonymsBody.class)))
    @GET
    @Path("admin/knowledge/synonyms")
    @RolesAllowed({"admin"})
    public SynonymsBody synonyms() {
        return new SynonymsBody(synonyms.current().map(s -> Synonyms.parse(s.text())).orElse(Synonyms.defaults()).groups());
    }

    @Operation(summary = "Replace the city's synonyms", description = "Every api instance uses the new list from its next catch-up (~30 s); this one at once.")
    @APIResponse(responseCode = "200", description = "The groups as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SynonymsBody.class)))
    @PUT
    @Path("admin/knowledge/synonyms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin"})
    public SynonymsBody replaceSynonyms(@Valid @NotNull SynonymsBody in) {
        String text = in.groups().stream().map(g -> g.stream().map(String::strip).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n"));
        Synonyms parsed;
        try {
            parsed = Synonyms.parse(text);
        } catch (IllegalArgumentException e) {
            // the parser names the line: line n is groups[n-1]
            throw new BadInput("groups", e.getMessage().replaceFirst("^synonyms line (\\d+)", "group $1"));
        }
        synonyms.replace(text, clock.instant());
        freshness.synonymsChanged();
        return new SynonymsBody(parsed.groups());
    }
}
