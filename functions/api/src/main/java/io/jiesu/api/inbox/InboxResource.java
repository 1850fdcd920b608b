package io.jiesu.api.inbox;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.jiesu.api.security.Caller;
import io.jiesu.aws.tickets.InboxEntry;
import io.jiesu.aws.tickets.Inboxes;
import io.jiesu.core.ticket.TicketState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Inboxes: a unit's open tickets by state and due time, and the dispatchers' pool. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    @Inject
    Inboxes inboxes;
    @Inject
    Caller caller;

    @Operation(summary = "A unit's inbox",
            description = "The unit's open tickets (as lead or co-unit), soonest due first, optionally of one state; unit staff read only their own unit's.")
    @GET
    @Path("units/{unitId}/inbox")
    @RolesAllowed({"unit", "reviewer", "dispatcher", "supervisor", "admin"})
    public List<InboxEntry> unitInbox(@PathParam("unitId") String unitId, @QueryParam("state") TicketState state,
                                      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        caller.requireOwnUnit(unitId);
        return inboxes.inbox(unitId, state, limit);
    }

    @Operation(summary = "Tickets waiting for a dispatcher",
            description = "The tickets the catalogue could not place (and those in joint review), soonest due first.")
    @GET
    @Path("dispatch/pending")
    @RolesAllowed({"dispatcher", "supervisor", "admin"})
    public List<InboxEntry> awaitingDispatcher(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return inboxes.inbox(Inboxes.DISPATCH_POOL, null, limit);
    }
}
