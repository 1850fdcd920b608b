package io.jiesu.api.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.api.security.Caller;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.ticket.Intake;
import io.jiesu.aws.ticket.TicketNotFoundException;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.aws.ticket.Tickets;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;
import io.jiesu.api.ticket.Requests.*;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** Tickets: intake, the dispatcher's and the unit's steps, the callback, and reading a ticket and its history. */
@Path("/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {
    private static final Logger LOG = Logger.getLogger(TicketResource.class);

    @Inject
    Intake intake;
    @Inject
    TicketWorkflow workflow;
    @Inject
    io.jiesu.aws.knowledge.KnowledgeBase knowledge;
    @Inject
    Tickets tickets;
    @Inject
    Deadlines deadlines;
    @Inject
    Policy policy;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    CatalogueStore catalogue;

    @Operation(summary = "File a ticket",
            description = "An agent files a call (any channel but province), a citizen files online (web, mobile, wechat). A consultation an agent answered on the spot, citing the knowledge-base article read out (articleId, articleVersion), is closed at once and never dispatched; any other ticket goes to dispatch. Send an Idempotency-Key to make retries safe: the same key with the same body returns the same ticket (200). Provincial tickets come only through the province's signed webhook.")
    @APIResponse(responseCode = "201", description = "Taken in; Location names the new ticket", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key and body: the ticket it created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "422", description = "A rule of the hotline refuses it (channel province, or a citizen's channel or on-the-spot answer; on the spot only for a consultation, citing a published article), or the Idempotency-Key was used for another body")
    @POST
    @RolesAllowed({"agent", "citizen"})
    public Response create(@Valid @NotNull NewTicketRequest in,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        NewTicket ticket = new NewTicket(in.category(), in.channel(), in.content().strip(),
                new Citizen(in.citizenName().strip(), in.citizenPhone()), in.location(), in.matter(),
                Boolean.TRUE.equals(in.answeredOnSpot()),
                in.articleId() == null ? null : knowledge.cited(in.articleId(), in.articleVersion()));
        Intake.Received received = intake.atHotline(ticket, caller.actor(), idempotencyKey, in);
        return IntakeResponse.of(received, TicketView.of(received.ticket(), true, policy.zone()));
    }

    @Operation(summary = "Read a ticket",
            description = "The ticket as it stands, times with the deployment's offset. The citizen's name and phone are shown in full only to agents, the lead unit while it handles the ticket and the citizen who filed it; masked for everyone else. Unit staff read the tickets their unit holds (and those it handled to the end), a citizen their own.")
    @APIResponse(responseCode = "200", description = "The ticket", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @GET
    @Path("{id}")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin", "citizen"})
    public TicketView get(@PathParam("id") String id) {
        Ticket t = load(id);
        caller.requireMayRead(t);
        return view(t);
    }

    @Operation(summary = "A ticket's history",
            description = "Every step of the ticket, in order: what happened, when, by whom (a citizen shows as 'citizen'), in which unit, with its details. Readable by whoever may read the ticket.")
    @GET
    @Path("{id}/history")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin", "citizen"})
    public List<HistoryEntry> history(@PathParam("id") String id) {
        Ticket t = load(id);
        caller.requireMayRead(t);
        return tickets.history(id).stream().map(e -> HistoryEntry.of(e, policy.zone())).toList();
    }

    @Operation(summary = "Route a ticket by hand",
            description = "A dispatcher routes a ticket the catalogue could not place (or one in joint review) to a lead unit and co-units of the catalogue. Starts the sign and reply clocks.")
    @APIResponse(responseCode = "200", description = "The ticket, dispatched", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not in a state that allows dispatching (received, awaiting dispatch or joint review), or it changed meanwhile (wrong-state, concurrent-change)")
    @APIResponse(responseCode = "422", description = "A unit is not in the catalogue, or returned this ticket as outside its remit")
    @POST
    @Path("{id}/dispatch")
    @RolesAllowed({"dispatcher"})
    public TicketView dispatch(@PathParam("id") String id, @Valid @NotNull DispatchRequest in) {
        RoutingCatalogue units = catalogue.current();
        if (units.unit(in.leadUnit()).isEmpty()) {
            throw Refusal.invalid("leadUnit", "no handling unit '" + in.leadUnit() + "' in the catalogue");
        }
        if (in.coUnits() != null) {
            in.coUnits().stream().filter(u -> units.unit(u).isEmpty()).findFirst().ifPresent(u -> {
                throw Refusal.invalid("coUnits", "no handling unit '" + u + "' in the catalogue");
            });
        }
        return step(id, t -> t.dispatch(in.leadUnit(), in.coUnits(), clock.instant(), caller.actor(), deadlines));
    }

    @Operation(summary = "Sign for a ticket",
            description = "The lead unit signs (签收) a dispatched ticket; a sign after the sign window is marked late. Opens the return window.")
    @APIResponse(responseCode = "200", description = "The ticket, signed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not in a state that allows signing (dispatched), or it changed meanwhile (wrong-state, concurrent-change)")
    @POST
    @Path("{id}/sign")
    @RolesAllowed({"unit", "reviewer"})
    public TicketView sign(@PathParam("id") String id) {
        return step(id, t -> t.sign(clock.instant(), caller.actor(), deadlines));
    }

    @Operation(summary = "Return a ticket to the centre",
            description = "The lead unit returns a signed ticket as outside its remit (退回), with a reason, within the return window after signing; it is routed again without that unit.")
    @APIResponse(responseCode = "200", description = "The ticket, returned", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not in a state that allows a return (signed), or it changed meanwhile (wrong-state, concurrent-change)")
    @APIResponse(responseCode = "422", description = "The reason is missing")
    @POST
    @Path("{id}/return")
    @RolesAllowed({"unit", "reviewer"})
    public TicketView returnToCentre(@PathParam("id") String id, @Valid @NotNull ReturnRequest in) {
        return step(id, t -> t.returnToCentre(in.reason().strip(), clock.instant(), caller.actor()));
    }

    @Operation(summary = "Record a contact with the citizen",
            description = "The lead unit records a contact: the first call, the result call, or a face-to-face visit (on_site, which provincial tickets and tickets reopened twice need before their reply).")
    @APIResponse(responseCode = "200", description = "The ticket, with the contact", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not in a state that allows a contact (signed), or it changed meanwhile (wrong-state, concurrent-change)")
    @POST
    @Path("{id}/contacts")
    @RolesAllowed({"unit", "reviewer"})
    public TicketView contact(@PathParam("id") String id, @Valid @NotNull ContactRequest in) {
        return step(id, t -> t.recordContact(in.kind(), in.note(), clock.instant(), caller.actor()));
    }

    @Operation(summary = "Reply to a ticket",
            description = "The lead unit's reviewer sends the reply (办结): what was done, solved or explained (with the policy basis), the handler and their phone. Needs the first contact, and a visit where one is required. Opens the callback window.")
    @APIResponse(responseCode = "200", description = "The ticket, replied", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not in a state that allows a reply (signed), or it changed meanwhile (wrong-state, concurrent-change)")
    @APIResponse(responseCode = "422", description = "The reply breaks a rule: no first contact or required visit, an explained reply without its policy basis")
    @POST
    @Path("{id}/reply")
    @RolesAllowed({"reviewer"})
    public TicketView reply(@PathParam("id") String id, @Valid @NotNull ReplyRequest in) {
        // every reply leaves the unit with its reviewer's approval: the reviewer sends it, under their own name
        Reply reply = new Reply(in.result().strip(), in.outcome(), in.policyBasis(), in.handlerName(),
                in.handlerPhone(), caller.actor().id());
        return step(id, t -> t.reply(reply, clock.instant(), caller.actor()));
    }

    @Operation(summary = "Ask for more working days",
            description = "The lead unit asks the hotline centre for more working days, with a reason, before the reply is due; one request waits at a time. Limits by category: a consultation 3 working days in all, a help request or suggestion 5, a complaint or report two extensions of 10.")
    @APIResponse(responseCode = "200", description = "The ticket, with the request pending", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "Not dispatched or signed, a request already waits, the reply is already due, or the ticket changed meanwhile (wrong-state, window-closed, concurrent-change)")
    @APIResponse(responseCode = "422", description = "More days than the category allows")
    @POST
    @Path("{id}/extensions")
    @RolesAllowed({"unit", "reviewer"})
    public TicketView requestExtension(@PathParam("id") String id, @Valid @NotNull ExtensionRequest in) {
        return step(id, t -> t.requestExtension(in.days(), in.reason().strip(), clock.instant(), caller.actor(), deadlines));
    }

    /** The hotline centre approves or refuses the waiting extension request. */
    @Operation(summary = "Decide an extension request",
            description = "The hotline centre approves (the reply deadline and its timer move) or refuses the waiting extension request.")
    @APIResponse(responseCode = "200", description = "The ticket, with the decision", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "No request is waiting, or the ticket changed meanwhile (wrong-state, concurrent-change)")
    @POST
    @Path("{id}/extensions/decision")
    @RolesAllowed({"dispatcher", "admin"})
    public TicketView decideExtension(@PathParam("id") String id, @Valid @NotNull ExtensionDecision in) {
        return step(id, t -> t.decideExtension(in.approved(), in.note(), clock.instant(), caller.actor(), deadlines));
    }

    @Operation(summary = "Record the citizen's rating",
            description = "An agent records the callback (回访): satisfaction, whether the matter was solved, and for an unsatisfied rating whether the demand is reasonable (reopened to the same unit) or beyond policy (explained).")
    @APIResponse(responseCode = "200", description = "The ticket, rated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not in a state that allows a callback (awaiting callback), or it changed meanwhile (wrong-state, concurrent-change)")
    @APIResponse(responseCode = "422", description = "An unsatisfied rating without demandReasonable")
    @POST
    @Path("{id}/callback")
    @RolesAllowed({"agent"})
    public TicketView callback(@PathParam("id") String id, @Valid @NotNull CallbackRequest in) {
        CallbackResult result = new CallbackResult(in.satisfaction(), in.solved(), in.demandReasonable(), in.note());
        return step(id, t -> t.recordCallback(result, clock.instant(), caller.actor()));
    }

    private TicketView step(String id, Function<Ticket, Transition> step) {
        Transition t = workflow.apply(id, current -> {
            caller.requireMayRead(current);
            return step.apply(current);
        });
        LOG.infof("ticket %s: %s by %s", id, t.event().type().code(), caller.role().code());
        return view(t.after());
    }

    private Ticket load(String id) {
        return tickets.find(id).orElseThrow(() -> new TicketNotFoundException(id));
    }

    private TicketView view(Ticket t) {
        return TicketView.of(t, caller.maySeeCitizen(t), policy.zone());
    }
}
