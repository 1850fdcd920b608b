package io.jiesu.api.citizens;

import io.jiesu.api.search.Lists;
import io.jiesu.api.search.TicketPage;
import io.jiesu.api.security.Caller;
import io.jiesu.api.validation.ChinesePhone;
import io.jiesu.api.validation.ChinesePhones;
import io.jiesu.aws.search.TicketLists;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A caller's earlier tickets for the agent on the call, and a citizen's own tickets for the online front-ends. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CitizenTicketsResource {
    @Inject
    TicketLists lists;
    @Inject
    Caller caller;

    /** The phone goes in the body, not the URL: a URL ends up in access logs and browser history. */
    public record CallerLookup(@NotBlank @Size(max = 32) @ChinesePhone String phone,
                               @Size(max = 256) String cursor,
                               @Min(1) @Max(50) Integer limit) {
    }

    @Operation(summary = "A caller's earlier tickets",
            description = "The tickets filed from this phone number, newest first, found through the keyed hash of the"
                    + " number (the index never holds it): the agent sees a repeat caller and a reopened matter while"
                    + " the call goes on. The phone travels in the body, never in the URL.")
    @APIResponse(responseCode = "200", description = "A page of the caller's tickets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketPage.class)))
    @POST
    @Path("callers/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("agent")
    public TicketPage callersTickets(@Valid @NotNull CallerLookup in) {
        String phone = ChinesePhones.normalise(in.phone());
        int limit = in.limit() == null ? 10 : in.limit();
        return TicketPage.of(Lists.read(() -> lists.ofPhone(phone, in.cursor(), limit)));
    }

    @Operation(summary = "My tickets",
            description = "The tickets the calling citizen filed online (web, mobile, WeChat), newest first, to follow"
                    + " their state; each opens in full through GET /v1/tickets/{id}.")
    @APIResponse(responseCode = "200", description = "A page of the citizen's own tickets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketPage.class)))
    @GET
    @Path("citizens/me/tickets")
    @RolesAllowed("citizen")
    public TicketPage myTickets(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                @QueryParam("cursor") String cursor) {
        String subject = caller.actor().id();
        return TicketPage.of(Lists.read(() -> lists.filedBy(subject, cursor, limit)));
    }
}
