package io.jiesu.api.routing;

import io.jiesu.routing.MeasuredThreshold;
import io.jiesu.api.problems.FileBody;
import io.jiesu.api.problems.ProblemMappers;
import io.jiesu.api.validation.BadInput;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.jiesu.aws.routing.ImportUploads;
import io.jiesu.aws.routing.RouterModels;
import io.jiesu.aws.routing.RouterTraining;
import io.jiesu.aws.routing.RoutingConfig;
import io.jiesu.routing.RouterModel;
import io.jiesu.aws.routing.TrainingRequests;
import io.jiesu.aws.routing.TrainingRuns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
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

import java.net.URI;
import java.util.List;

/**
 * The learned router's administration: ask for a training now (it also trains daily on its schedule), see how it
 * ended, or start a new deployment from a city's export of last year's tickets. Training a large history takes
 * minutes; it runs in the training function, never inside a request ({@link TrainingRequests}).
 */
@Path("/v1/admin/routing")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingAdminResource {
    @Inject
    RouterTraining training;
    @Inject
    TrainingRequests requests;
    @Inject
    TrainingRuns runs;
    @Inject
    RouterModels models;
    @Inject
    RoutingConfig routing;
    @Inject
    ImportUploads uploads;

    /** A training asked for, and where it stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunView(
            @Schema(description = "the run's id: look it up at /v1/admin/routing/runs/{run}") String run,
            @Schema(description = "requested (the training function has not finished it), trained (its model is in"
                    + " force), not-trained (too few lessons: the model in force stays) or failed (it is tried again)",
                    enumeration = {"requested", "trained", "not-trained", "failed"}) String state,
            @Schema(description = "admin (asked for a training) or import (an import asked for it)") String requestedBy,
            @Schema(description = "when it was asked for") String requestedAt,
            @Schema(description = "when it ended, once it has") String finishedAt,
            @Schema(description = "the new model's version (when trained, and a fingerprint of its lessons), once trained") String version,
            @Schema(description = "how many lessons it learned from, once trained") Integer examples,
            @Schema(description = "the threshold measured for the new model on the history held out, once trained")
            MeasuredView measured,
            @Schema(description = "why it was not trained, or what it failed of") String message,
            @Schema(description = "how many rows the import held (an import's answer only)") Integer imported) {
        static RunView of(TrainingRuns.Run r, Integer imported) {
            return new RunView(r.id(), r.state().wire(), r.requestedBy(), r.requestedAt().toString(),
                    r.finishedAt() == null ? null : r.finishedAt().toString(), r.version(), r.examples(),
                    r.measured() == null ? null : MeasuredView.of(r.measured()), r.message(), imported);
        }
    }

    /**
     * What the training measured on the history held out: the model dispatches alone only from this confidence
     * (or from jiesu.routing.threshold when that is higher), and not at all when no confidence reached the target.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasuredView(
            @Schema(description = "the precision asked of automatic dispatch (jiesu.routing.target-precision)")
            double targetPrecision,
            @Schema(description = "the lowest confidence at which the held-out tickets' first choices met it;"
                    + " absent when none did (the model then only proposes)") Double threshold,
            @Schema(description = "their precision at that confidence; absent without a threshold") Double precision,
            @Schema(description = "the share of held-out tickets at or above it: what would go out without a"
                    + " dispatcher") double automatic,
            @Schema(description = "how many tickets were held out") int heldOut) {
        static MeasuredView of(MeasuredThreshold m) {
            return new MeasuredView(m.target(), m.threshold(), m.precision(), m.automatic(), m.heldOut());
        }
    }

    /** The model in force, and the confidence from which it dispatches without a dispatcher. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelView(
            @Schema(description = "when it was trained, and a fingerprint of its lessons") String version,
            @Schema(description = "when it was trained") String trainedAt,
            @Schema(description = "how many lessons it learned from: the history, the import and the catalogue's keywords, one lesson each (a training run's examples count the history and the import alone)") int examples,
            @Schema(description = "the units it proposes") List<String> units,
            @Schema(description = "the features it reads, e.g. char1-3+headline8") String features,
            @Schema(description = "the classifier") String classifier,
            @Schema(description = "what its training measured on the history held out; absent for a model trained"
                    + " before trainings measured") MeasuredView measured,
            @Schema(description = "the confidence at or above which it dispatches alone: the measured threshold or"
                    + " jiesu.routing.threshold, whichever is higher; absent when it only proposes (no confidence"
                    + " reached the target precision)") Double dispatchesAloneFrom) {
        static ModelView of(RouterModel.About a, double lowest) {
            double from = a.dispatchesAloneFrom(lowest);
            return new ModelView(a.version(), a.trainedAt().toString(), a.examples(), a.units(), a.features(),
                    a.classifier(), a.measured() == null ? null : MeasuredView.of(a.measured()),
                    Double.isInfinite(from) ? null : from);
        }
    }

    @Operation(summary = "The router in force",
            description = "The model in force (the dispatch function takes a new one up within jiesu.routing.recheck):"
                    + " its version, lessons and units, what its training measured on the history held out, and the"
                    + " confidence from which it dispatches alone (with this api's jiesu.routing.threshold, which must"
                    + " be the dispatch function's).")
    @APIResponse(responseCode = "200", description = "The model in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", description = "No model in force yet: the catalogue's keywords route",
            content = @Content(mediaType = "application/problem+json"))
    @GET
    @Path("model")
    @RolesAllowed("admin")
    public Response model() {
        return models.inForce().map(m -> Response.ok(ModelView.of(m, routing.threshold())).build())
                .orElseGet(() -> ProblemMappers.respond(404, "not-found", "No router model in force",
                        "no model has been trained yet: the catalogue's keywords route; import last year's tickets or"
                                + " ask for a training", List.of()));
    }

    @Operation(summary = "Train the router now",
            description = "Asks the training function to train the learned router on every ticket its lead unit signed"
                    + " (weighed by who decided it) and the city's import if any, and to put the new model in force;"
                    + " the dispatch function picks it up within jiesu.routing.recheck. Answers at once with the run"
                    + " (Location: where to see how it ended); the training runs in the training function, never in"
                    + " this request. It also trains daily on its schedule.")
    @APIResponse(responseCode = "202", description = "Asked for: the run, requested; see its Location for how it ended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @POST
    @Path("train")
    @RolesAllowed("admin")
    public Response train() {
        return accepted(requests.request("admin"), null);
    }

    @Operation(summary = "See how a training ended",
            description = "A training asked for by an admin or an import: requested until the training function"
                    + " has finished it, then trained (with the model's version), not-trained (too few lessons) or"
                    + " failed (tried again, then dead-lettered).")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = "application/problem+json"))
    @GET
    @Path("runs/{run}")
    @RolesAllowed("admin")
    public Response run(@PathParam("run") String id) {
        return runs.find(id).map(r -> Response.ok(RunView.of(r, null)).build())
                .orElseGet(() -> ProblemMappers.respond(404, "not-found", "No such training run",
                        "no training run " + id, List.of()));
    }

    @Operation(summary = "Import last year's tickets and train the first model",
            description = "A CSV with the header text,category,location,unit (channel optional), or a JSON array of"
                    + " objects with those fields (or subject, body, label). Read and kept for every later training at"
                    + " once; the training is asked of the training function, as POST /v1/admin/routing/train.")
    @RequestBody(content = {@Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY))})
    @APIResponse(responseCode = "202", description = "Imported and kept; the training is asked for: the run, requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "A row without text or unit, a header without them, or not CSV/JSON: the row is named")
    @APIResponse(responseCode = "409", description = "Too few rows to train on (jiesu.routing.minimum-examples, of two units at least)")
    @APIResponse(responseCode = "413", description = "Over jiesu.http.max-file-bytes (5 MB, some 8,000 tickets of a"
            + " few hundred characters): send the most recent tickets that fit",
            content = @Content(mediaType = "application/problem+json"))
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @FileBody
    @RolesAllowed("admin")
    public Response importTickets(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadInput("body", "the import is empty; send a CSV or a JSON array");
        }
        int rows;
        try {
            rows = training.keepImport(body);
        } catch (IllegalArgumentException e) {
            // TicketImport names the row (and the column) at fault
            throw new BadInput("body", e.getMessage());
        }
        return accepted(requests.request("import"), rows);
    }

    /** An export to upload: its type and size, to which the URL is bound. */
    public record UploadRequest(
            @Schema(description = "text/csv or application/json", required = true) String contentType,
            @Schema(description = "the file's size in bytes, at most jiesu.routing.max-import-bytes (50 MB)",
                    required = true) Long size) {
    }

    /** Where to PUT the file, with that Content-Type and length, before it expires. */
    public record UploadOffer(
            @Schema(description = "the upload's id: ask for the training at /v1/admin/routing/import-uploads/{upload}/train")
            String upload,
            @Schema(description = "PUT the file here, with this Content-Type and Content-Length") String url,
            String contentType, long size,
            @Schema(description = "the URL works until then") String expiresAt) {
    }

    @Operation(summary = "Offer an upload for an export larger than a request",
            description = "A city's export of past tickets of any size up to jiesu.routing.max-import-bytes: the answer"
                    + " is a pre-signed URL to which the file is PUT straight to storage, never through the api. Then"
                    + " POST /v1/admin/routing/import-uploads/{upload}/train.")
    @APIResponse(responseCode = "201", description = "The URL, bound to the type and size given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadOffer.class)))
    @APIResponse(responseCode = "400", description = "A type other than CSV or JSON, or a size of 0 or over the limit: the field is named")
    @POST
    @Path("import-uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response offerUpload(UploadRequest body) {
        if (body == null) {
            throw new BadInput("body", "send {\"contentType\": \"text/csv\", \"size\": <bytes>}");
        }
        ImportUploads.Offer offer;
        try {
            offer = uploads.offer(body.contentType(), body.size() == null ? 0 : body.size());
        } catch (ImportUploads.BadUpload e) {
            throw new BadInput(e.field(), e.getMessage());
        }
        return Response.status(201).entity(new UploadOffer(offer.upload(), offer.url().toString(), offer.contentType(),
                offer.size(), offer.expiresAt().toString())).build();
    }

    @Operation(summary = "Import an uploaded export and train",
            description = "Asks the training function to read the uploaded export, keep it as the import (as"
                    + " POST /v1/admin/routing/import does) and train. Answers at once with the run; a missing file or a"
                    + " row at fault ends the run not-trained, with the row named in its message.")
    @APIResponse(responseCode = "202", description = "Asked for: the run, requested; see its Location for how it ended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "Not an upload id this api offers",
            content = @Content(mediaType = "application/problem+json"))
    @POST
    @Path("import-uploads/{upload}/train")
    @RolesAllowed("admin")
    public Response trainFromUpload(@PathParam("upload") String upload) {
        if (upload == null || !ImportUploads.ID.matcher(upload).matches()) {
            return ProblemMappers.respond(404, "not-found", "No such upload", "no upload " + upload, List.of());
        }
        return accepted(requests.request("import", upload), null);
    }

    private static Response accepted(TrainingRuns.Run run, Integer imported) {
        return Response.accepted(RunView.of(run, imported))
                .location(URI.create("/v1/admin/routing/runs/" + run.id())).build();
    }

    @ServerExceptionMapper
    public Response tooLittle(RouterTraining.NotEnoughHistory e) {
        return ProblemMappers.respond(409, "not-enough-history", "Too few lessons to train the router", e.getMessage(),
                List.of());
    }
}
