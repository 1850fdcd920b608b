package io.jiesu.api.inbox;

import io.jiesu.api.search.Lists;
import io.jiesu.aws.search.Page;
import io.jiesu.aws.search.TicketLists;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.jiesu.api.security.Caller;
import io.jiesu.aws.ticket.InboxEntry;
import io.jiesu.aws.ticket.Inboxes;
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
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * Inboxes: a unit's open tickets by state and due time, and the dispatchers' pool, a page at a time. The body
 * stays the array of entries it always was; the next page's cursor comes in the Next-Cursor header.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    private static final String PAGED = " A page at a time: the Next-Cursor header, when present, is the `cursor` of the next page.";

    @Inject
    TicketLists lists;
    @Inject
    Caller caller;

    @Operation(summary = "A unit's inbox",
            description = "The unit's open tickets (as lead or co-unit), soonest due first, optionally of one state; unit staff read only their own unit's." + PAGED)
    @APIResponse(responseCode = "200", description = "A page of the inbox",
            headers = @Header(name = Lists.NEXT_CURSOR, description = "the cursor of the next page; absent on the last page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = InboxEntry.class)))
    @GET
    @Path("units/{unitId}/inbox")
    @RolesAllowed({"unit", "reviewer", "dispatcher", "supervisor", "admin"})
    public RestResponse<List<InboxEntry>> unitInbox(@PathParam("unitId") String unitId, @QueryParam("state") TicketState state,
                                                    @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
                                                    @QueryParam("cursor") String cursor) {
        caller.requireOwnUnit(unitId);
        return paged(Lists.read(() -> lists.inbox(unitId, state, cursor, limit)));
    }

    @Operation(summary = "Tickets waiting for a dispatcher",
            description = "The tickets the catalogue could not place (and those in joint review), soonest due first." + PAGED)
    @APIResponse(responseCode = "200", description = "A page of the dispatch queue",
            headers = @Header(name = Lists.NEXT_CURSOR, description = "the cursor of the next page; absent on the last page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = InboxEntry.class)))
    @GET
    @Path("dispatch/pending")
    @RolesAllowed({"dispatcher", "supervisor", "admin"})
    public RestResponse<List<InboxEntry>> awaitingDispatcher(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
                                                             @QueryParam("cursor") String cursor) {
        return paged(Lists.read(() -> lists.inbox(Inboxes.DISPATCH_POOL, null, cursor, limit)));
    }

    private static RestResponse<List<InboxEntry>> paged(Page<InboxEntry> page) {
        var answer = RestResponse.ResponseBuilder.ok(page.items());
        if (page.next() != null) {
            answer.header(Lists.NEXT_CURSOR, page.next());
        }
        return answer.build();
    }
}
