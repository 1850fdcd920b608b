package io.jiesu.api.knowledge;

import io.jiesu.api.search.Lists;
import io.jiesu.api.security.Caller;
import io.jiesu.api.knowledge.ArticleRequests.ArticleRequest;
import io.jiesu.api.knowledge.ArticleRequests.FeedbackRequest;
import io.jiesu.api.knowledge.ArticleRequests.ReasonRequest;
import io.jiesu.aws.dashboard.FigureItems;
import io.jiesu.aws.knowledge.KnowledgeBase;
import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.ArticleStatus;
import io.jiesu.core.knowledge.Articles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Clock;

/**
 * The knowledge base's articles (docs/domain.md, "Knowledge base and notices"): a unit drafts and updates the
 * articles of the matters it leads and sends them for review; the hotline centre (dispatchers, admins) publishes or
 * sends back; the unit or the centre withdraws. Every step answers the article as it now stands.
 */
@Path("/v1/knowledge/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KnowledgeResource {
    private static final String ARTICLE = "The article as it now stands";
    private static final String NOT_FOUND = "No article with this id";

    @Inject
    KnowledgeBase knowledge;
    @Inject
    Caller caller;
    @Inject
    AnswerFreshness freshness;
    @Inject
    FigureItems figures;
    @Inject
    Clock clock;

    @Operation(summary = "Draft an article", description = "A unit drafts an article about matters it leads (version 1, draft).")
    @APIResponse(responseCode = "201", description = "Drafted; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "422", description = "A rule refuses it: a matter not in the catalogue, a validity that ends before it starts")
    @POST
    @RolesAllowed({"unit", "reviewer"})
    public Response draft(@Valid @NotNull ArticleRequest in) {
        Article a = knowledge.draft(in.content(), caller.actor());
        return Response.created(URI.create("/v1/knowledge/articles/" + a.id())).entity(ArticleView.of(a)).build();
    }

    @Operation(summary = "Update an article", description = "The owning unit writes a new version (draft); a published "
            + "version keeps answering until the centre publishes the new one. Not while the centre reviews it.")
    @APIResponse(responseCode = "200", description = ARTICLE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "In review (wait for the centre), or changed meanwhile")
    @APIResponse(responseCode = "422", description = "A rule refuses the content")
    @PUT
    @Path("{articleId}")
    @RolesAllowed({"unit", "reviewer"})
    public ArticleView revise(@PathParam("articleId") @Size(max = 64) String id, @Valid @NotNull ArticleRequest in) {
        return ArticleView.of(knowledge.revise(id, in.content(), caller.actor()));
    }

    @Operation(summary = "Send an article for review", description = "The owning unit sends its newest draft to the hotline centre.")
    @APIResponse(responseCode = "200", description = ARTICLE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Not a draft, or changed meanwhile")
    @POST
    @Path("{articleId}/submit")
    @RolesAllowed({"unit", "reviewer"})
    public ArticleView submit(@PathParam("articleId") @Size(max = 64) String id) {
        return ArticleView.of(knowledge.submit(id, caller.actor()));
    }

    @Operation(summary = "Publish an article", description = "The hotline centre publishes the version in review; it answers at once, the one before is superseded.")
    @APIResponse(responseCode = "200", description = ARTICLE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Not in review, or changed meanwhile")
    @APIResponse(responseCode = "422", description = "The version's validity has ended already")
    @POST
    @Path("{articleId}/publish")
    @RolesAllowed({"dispatcher", "admin"})
    public ArticleView publish(@PathParam("articleId") @Size(max = 64) String id) {
        return ArticleView.of(knowledge.publish(id, caller.actor()));
    }

    @Operation(summary = "Send an article back to draft", description = "The hotline centre sends the version in review back to the unit with a reason.")
    @APIResponse(responseCode = "200", description = ARTICLE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Not in review, or changed meanwhile")
    @POST
    @Path("{articleId}/reject")
    @RolesAllowed({"dispatcher", "admin"})
    public ArticleView reject(@PathParam("articleId") @Size(max = 64) String id, @Valid @NotNull ReasonRequest in) {
        return ArticleView.of(knowledge.reject(id, in.reason(), caller.actor()));
    }

    @Operation(summary = "Withdraw an article", description = "The owning unit or the centre takes the published version out of the answers (it expires), with a reason.")
    @APIResponse(responseCode = "200", description = ARTICLE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Nothing published to withdraw, or changed meanwhile")
    @POST
    @Path("{articleId}/withdraw")
    @RolesAllowed({"unit", "reviewer", "dispatcher", "admin"})
    public ArticleView withdraw(@PathParam("articleId") @Size(max = 64) String id, @Valid @NotNull ReasonRequest in) {
        return ArticleView.of(knowledge.withdraw(id, in.reason(), caller.actor()));
    }

    @Operation(summary = "Read an article", description = "The article with every version; unit staff read their own unit's.")
    @APIResponse(responseCode = "200", description = "The article", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @GET
    @Path("{articleId}")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public ArticleView get(@PathParam("articleId") @Size(max = 64) String id) {
        Article a = knowledge.get(id);
        if (caller.isUnitStaff() && !a.unit().equals(caller.unitId())) {
            throw new ForbiddenException("unit staff read only their own unit's articles");
        }
        return ArticleView.of(a);
    }

    @Operation(summary = "List articles", description = "A unit's articles (unit staff: their own, the default), "
            + "optionally of one status; or, without a unit, one status across units (by default in_review: the centre's "
            + "review queue). Most recently changed first, a page at a time: pass `next` (also the Next-Cursor "
            + "header) as `cursor`.")
    @APIResponse(responseCode = "200", description = "A page of articles",
            headers = @Header(name = Lists.NEXT_CURSOR, description = "the cursor of the next page; absent on the last page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.Page.class)))
    @GET
    @RolesAllowed({"dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public Response list(@QueryParam("unit") @Size(max = 64) String unit, @QueryParam("status") ArticleStatus status,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                         @QueryParam("cursor") @Size(max = 200) String cursor) {
        String of = unit;
        if (caller.isUnitStaff()) {
            of = unit == null ? caller.unitId() : unit;
            caller.requireOwnUnit(of);
        }
        Articles.Page page = of == null ? knowledge.articles().byStatus(status == null ? ArticleStatus.IN_REVIEW : status, cursor, limit)
                : knowledge.articles().byUnit(of, status, cursor, limit);
        var answer = Response.ok(new ArticleView.Page(page.items().stream().map(ArticleView::of).toList(), page.next()));
        if (page.next() != null) {
            answer.header(Lists.NEXT_CURSOR, page.next());
        }
        return answer.build();
    }

    @Operation(summary = "Mark an answer helpful or not", description = "The agent who gave the answer says whether it helped; counted on the article and in its ranking.")
    @APIResponse(responseCode = "200", description = ARTICLE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The article does not answer now (not published)")
    @POST
    @Path("{articleId}/feedback")
    @RolesAllowed({"agent"})
    public ArticleView feedback(@PathParam("articleId") @Size(max = 64) String id, @Valid @NotNull FeedbackRequest in) {
        freshness.ensure();
        return ArticleView.of(knowledge.mark(id, in.helpful()));
    }

    @Operation(summary = "This answered my question", description = "A citizen online found the answer before filing "
            + "and files nothing: counted (deflection, on the dashboard), nothing stored about the citizen.")
    @APIResponse(responseCode = "200", description = "Counted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deflection.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The article does not answer now (not published)")
    @POST
    @Path("{articleId}/answered-my-question")
    @RolesAllowed({"citizen"})
    public Deflection answeredMyQuestion(@PathParam("articleId") @Size(max = 64) String id) {
        Article a = knowledge.get(id);
        if (a.published().isEmpty()) {
            throw a.status().refuses("count an answer of", ArticleStatus.PUBLISHED);
        }
        figures.deflected(clock.instant(), caller.actor().id() + id);
        return new Deflection(id, true);
    }

    /** The citizen's "this answered my question", as counted. */
    public record Deflection(String articleId, boolean counted) {
    }
}
