package io.jiesu.api.tickets;

import io.jiesu.api.security.Caller;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.tickets.IdempotencyKeyReusedException;
import io.jiesu.aws.tickets.TicketNotFoundException;
import io.jiesu.core.routing.RoutingCatalogue;
import io.jiesu.aws.tickets.TicketJson;
import io.jiesu.aws.tickets.TicketStore;
import io.jiesu.aws.tickets.TicketWorkflow;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;
import io.jiesu.api.tickets.Requests.*;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/** Tickets: intake, the dispatcher's and the unit's steps, the callback, and reading a ticket and its history. */
@Path("/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {
    private static final Logger LOG = Logger.getLogger(TicketResource.class);
    private static final java.util.Set<Channel> CITIZEN_CHANNELS = java.util.EnumSet.of(Channel.WEB, Channel.MOBILE, Channel.WECHAT);

    @Inject
    TicketWorkflow workflow;
    @Inject
    TicketStore store;
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

    @POST
    @RolesAllowed({"agent", "citizen"})
    public Response create(@Valid @NotNull NewTicketRequest in,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Actor actor = caller.actor();
        if (actor.role() == Role.CITIZEN) {
            // a citizen files online; only an agent answers on the spot or records a call
            if (!CITIZEN_CHANNELS.contains(in.channel())) {
                throw TicketRefusal.invalid("channel", "citizens file through web, mobile or wechat");
            }
            if (Boolean.TRUE.equals(in.answeredOnSpot())) {
                throw TicketRefusal.invalid("answeredOnSpot", "only an agent answers on the spot");
            }
        }
        NewTicket ticket = new NewTicket(in.category(), in.channel(), in.content().strip(),
                new Citizen(in.citizenName().strip(), in.citizenPhone()), in.location(), in.matter(),
                Boolean.TRUE.equals(in.answeredOnSpot()));
        Transition t = Ticket.receive(TicketIds.next(clock.instant(), policy.zone()), ticket, clock.instant(), actor,
                deadlines);
        // scoped to the caller, and apart from the webhook's "province:" keys
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : "api:" + actor.id() + ":" + idempotencyKey;
        Ticket stored;
        try {
            stored = workflow.create(t, key, fingerprint(in));
        } catch (IdempotencyKeyReusedException e) {
            // the stored key carries the caller's id; tell the client only about its own key
            throw new IdempotencyKeyReusedException(idempotencyKey);
        }
        boolean replayed = !stored.id().equals(t.after().id());
        LOG.infof("ticket %s %s (%s, %s)", stored.id(), replayed ? "replayed for its Idempotency-Key" : "taken in",
                stored.category().code(), stored.channel().code());
        return Response.status(replayed ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/v1/tickets/" + stored.id()))
                .entity(TicketView.of(stored, true, policy.zone())).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin", "citizen"})
    public TicketView get(@PathParam("id") String id) {
        Ticket t = load(id);
        caller.requireMayRead(t);
        return view(t);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin", "citizen"})
    public List<HistoryEntry> history(@PathParam("id") String id) {
        Ticket t = load(id);
        caller.requireMayRead(t);
        return store.history(id).stream().map(e -> HistoryEntry.of(e, policy.zone())).toList();
    }

    @POST
    @Path("{id}/dispatch")
    @RolesAllowed({"dispatcher"})
    public TicketView dispatch(@PathParam("id") String id, @Valid @NotNull DispatchRequest in) {
        RoutingCatalogue units = catalogue.current();
        if (units.unit(in.leadUnit()).isEmpty()) {
            throw TicketRefusal.invalid("leadUnit", "no handling unit '" + in.leadUnit() + "' in the catalogue");
        }
        if (in.coUnits() != null) {
            in.coUnits().stream().filter(u -> units.unit(u).isEmpty()).findFirst().ifPresent(u -> {
                throw TicketRefusal.invalid("coUnits", "no handling unit '" + u + "' in the catalogue");
            });
        }
        return step(id, t -> t.dispatch(in.leadUnit(), in.coUnits(), clock.instant(), caller.actor(), deadlines));
    }

    @POST
    @Path("{id}/sign")
    @RolesAllowed({"unit", "reviewer"})
    public TicketView sign(@PathParam("id") String id) {
        return step(id, t -> t.sign(clock.instant(), caller.actor(), deadlines));
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({"unit", "reviewer"})
    public TicketView returnToCentre(@PathParam("id") String id, @Valid @NotNull ReturnRequest in) {
        return step(id, t -> t.returnToCentre(in.reason().strip(), clock.instant(), caller.actor()));
    }

    @POST
    @Path("{id}/contacts")
    @RolesAllowed({"unit", "reviewer"})
    public TicketView contact(@PathParam("id") String id, @Valid @NotNull ContactRequest in) {
        return step(id, t -> t.recordContact(in.kind(), in.note(), clock.instant(), caller.actor()));
    }

    @POST
    @Path("{id}/reply")
    @RolesAllowed({"reviewer"})
    public TicketView reply(@PathParam("id") String id, @Valid @NotNull ReplyRequest in) {
        // every reply leaves the unit with its reviewer's approval: the reviewer sends it, under their own name
        Reply reply = new Reply(in.result().strip(), in.outcome(), in.policyBasis(), in.handlerName(),
                in.handlerPhone(), caller.actor().id());
        return step(id, t -> t.reply(reply, clock.instant(), caller.actor()));
    }

    @POST
    @Path("{id}/extensions")
    @RolesAllowed({"unit", "reviewer"})
    public TicketView requestExtension(@PathParam("id") String id, @Valid @NotNull ExtensionRequest in) {
        return step(id, t -> t.requestExtension(in.days(), in.reason().strip(), clock.instant(), caller.actor(), deadlines));
    }

    /** The hotline centre approves or refuses the waiting extension request. */
    @POST
    @Path("{id}/extensions/decision")
    @RolesAllowed({"dispatcher", "admin"})
    public TicketView decideExtension(@PathParam("id") String id, @Valid @NotNull ExtensionDecision in) {
        return step(id, t -> t.decideExtension(in.approved(), in.note(), clock.instant(), caller.actor(), deadlines));
    }

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
        return store.find(id).orElseThrow(() -> new TicketNotFoundException(id));
    }

    private TicketView view(Ticket t) {
        return TicketView.of(t, caller.maySeeCitizen(t), policy.zone());
    }


    private static String fingerprint(NewTicketRequest in) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(TicketJson.write(in).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
