package io.jiesu.api.attachments;

import io.jiesu.api.security.Caller;
import io.jiesu.aws.attachments.Attachment;
import io.jiesu.aws.attachments.Attachments;
import io.jiesu.aws.ticket.TicketNotFoundException;
import io.jiesu.aws.ticket.Tickets;
import io.jiesu.core.attachment.AttachmentRules;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Ticket;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Photos and PDFs on a ticket. The bytes never pass through the api: it checks who may attach what, records the
 * file on the ticket and hands out a short-lived pre-signed URL to the private bucket. Whoever may read the ticket
 * may list and fetch its files. A URL is a bearer secret and a file name may be personal: neither is logged.
 */
@Path("/v1/tickets/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttachmentResource {
    private static final Logger LOG = Logger.getLogger(AttachmentResource.class);

    @Inject
    Attachments attachments;
    @Inject
    AttachmentRules rules;
    @Inject
    Tickets tickets;
    @Inject
    Caller caller;
    @Inject
    Policy policy;
    @Inject
    Clock clock;

    @Operation(summary = "Attach a photo or PDF",
            description = "Offers an upload: the caller PUTs the file's bytes to the returned url, with the same Content-Type, within its expiry; the storage refuses any other type or length. JPEG, PNG, WebP, HEIC or PDF, up to the deployment's size limit. At intake the agent or the citizen who filed (while the ticket is open); with a contact the lead unit's staff, with the reply its reviewer (while the ticket is signed).")
    @APIResponse(responseCode = "201", description = "Recorded on the ticket; PUT the bytes to url", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.Transfer.class)))
    @APIResponse(responseCode = "403", description = "The caller may not read the ticket, or does not attach files at this step (not-your-ticket)")
    @APIResponse(responseCode = "409", description = "The ticket is not in a state that takes files for this step (wrong-state)")
    @APIResponse(responseCode = "422", description = "A type other than a photo or PDF (contentType), or a file over the size limit (size)")
    @POST
    @RolesAllowed({"agent", "citizen", "unit", "reviewer"})
    public Response offerUpload(@PathParam("id") String id, @Valid @NotNull AttachmentRequest in) {
        Ticket t = load(id);
        caller.requireMayRead(t);
        rules.checkStep(in.purpose(), t, caller.actor());
        String type = rules.checkFile(in.contentType(), in.size());
        Attachments.Offer offer = attachments.offerUpload(t, in.fileName().strip(), type, in.size(), in.purpose(),
                caller.actor(), clock.instant());
        // the ticket and attachment ids only: never the URL, nor the file's name
        LOG.infof("ticket %s: attachment %s offered (%s, %s) by %s", id, offer.attachment().id(), in.purpose().code(),
                type, caller.role().code());
        return Response.created(URI.create("/v1/tickets/" + id + "/attachments/" + offer.attachment().id()))
                .entity(transfer(offer, "PUT")).build();
    }

    @Operation(summary = "A ticket's files",
            description = "The photos and PDFs attached to the ticket, in the order they were offered. Readable by whoever may read the ticket.")
    @GET
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin", "citizen"})
    public List<AttachmentView> list(@PathParam("id") String id) {
        caller.requireMayRead(load(id));
        return attachments.of(id).stream().map(a -> AttachmentView.of(a, policy.zone())).toList();
    }

    @Operation(summary = "Fetch a file",
            description = "A short-lived pre-signed url to GET the file's bytes from. Only for whoever may read the ticket.")
    @APIResponse(responseCode = "200", description = "GET the bytes from url", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.Transfer.class)))
    @APIResponse(responseCode = "404", description = "No such ticket, or no such file on it")
    @GET
    @Path("{attachmentId}")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin", "citizen"})
    public AttachmentView.Transfer download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        caller.requireMayRead(load(id));
        Attachment a = attachments.find(id, attachmentId)
                .orElseThrow(() -> new NotFoundException("ticket " + id + " has no attachment " + attachmentId));
        return transfer(attachments.offerDownload(a, clock.instant()), "GET");
    }

    private AttachmentView.Transfer transfer(Attachments.Offer offer, String method) {
        return new AttachmentView.Transfer(AttachmentView.of(offer.attachment(), policy.zone()), method,
                offer.url().toString(), offer.attachment().contentType(),
                offer.expiresAt().atZone(policy.zone()).toOffsetDateTime());
    }

    private Ticket load(String id) {
        return tickets.find(id).orElseThrow(() -> new TicketNotFoundException(id));
    }
}
