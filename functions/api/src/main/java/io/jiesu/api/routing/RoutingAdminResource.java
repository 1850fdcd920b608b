package io.jiesu.api.routing;

import io.jiesu.api.problems.ProblemMappers;
import io.jiesu.api.validation.BadInput;
import io.jiesu.aws.routing.RouterTraining;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The learned router's administration: train it now on the history (it also trains daily on its schedule), or
 * start a new deployment from a city's export of last year's tickets.
 */
@Path("/v1/admin/routing")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingAdminResource {
    @Inject
    RouterTraining training;

    /** The model now in force. */
    public record TrainedView(
            @Schema(description = "the new model's version (when trained, and a fingerprint of its lessons)") String version,
            @Schema(description = "how many lessons it learned from") int examples,
            @Schema(description = "the units it can propose") List<String> units) {
        static TrainedView of(RouterTraining.Trained t) {
            return new TrainedView(t.version(), t.examples(), t.units());
        }
    }

    @Operation(summary = "Train the router now",
            description = "Trains the learned router on every ticket its lead unit signed (weighed by who decided it)"
                    + " and the city's import if any, and puts the new model in force; the dispatch function picks it"
                    + " up within jiesu.routing.recheck. It also trains daily on its schedule.")
    @APIResponse(responseCode = "202", description = "Trained: the new model is in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainedView.class)))
    @APIResponse(responseCode = "409", description = "Too few lessons (jiesu.routing.minimum-examples, of two units at least): the model in force stays")
    @POST
    @Path("train")
    @RolesAllowed("admin")
    public Response train() {
        return Response.accepted(TrainedView.of(training.train())).build();
    }

    @Operation(summary = "Import last year's tickets and train the first model",
            description = "A CSV with the header text,category,location,unit (channel optional), or a JSON array of"
                    + " objects with those fields (or subject, body, label). Kept for every later training.")
    @RequestBody(content = {@Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY))})
    @APIResponse(responseCode = "202", description = "Imported and trained: the new model is in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainedView.class)))
    @APIResponse(responseCode = "400", description = "A row without text or unit, a header without them, or not CSV/JSON: the row is named")
    @APIResponse(responseCode = "409", description = "Too few rows to train on (jiesu.routing.minimum-examples, of two units at least)")
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @RolesAllowed("admin")
    public Response importTickets(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadInput("body", "the import is empty; send a CSV or a JSON array");
        }
        try {
            return Response.accepted(TrainedView.of(training.importAndTrain(body))).build();
        } catch (IllegalArgumentException e) {
            // TicketImport names the row (and the column) at fault
            throw new BadInput("body", e.getMessage());
        }
    }

    @ServerExceptionMapper
    public Response tooLittle(RouterTraining.NotEnoughHistory e) {
        return ProblemMappers.respond(409, "not-enough-history", "Too few lessons to train the router", e.getMessage(),
                List.of());
    }
}
