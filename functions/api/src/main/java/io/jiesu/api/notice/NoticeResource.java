package io.jiesu.api.notice;

import io.jiesu.api.notice.NoticeRequests.NoticeRequest;
import io.jiesu.api.notice.NoticeRequests.WithdrawRequest;
import io.jiesu.api.notice.NoticeView.DeskNotice;
import io.jiesu.api.notice.NoticeView.PublicNotice;
import io.jiesu.api.search.Lists;
import io.jiesu.api.security.Caller;
import io.jiesu.api.validation.BadInput;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.notice.NoticesInForce;
import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.core.notice.CallerPlace;
import io.jiesu.core.notice.Notice;
import io.jiesu.core.notice.NoticeArea;
import io.jiesu.core.notice.NoticeBoard;
import io.jiesu.core.notice.NoticeDraft;
import io.jiesu.core.notice.NoticeKind;
import io.jiesu.core.notice.NoticeQuery;
import io.jiesu.core.notice.NoticeRules;
import io.jiesu.core.notice.NoticeStatus;
import io.jiesu.core.notice.Notices;
import io.jiesu.core.policy.Policy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Notices (公告) of water, power, heating and gas cuts and road closures: written and published by the unit
 * responsible or the hotline centre, ahead of time, so agents see them before the calls come; the desk's notices for
 * a caller's place, and the public's.
 */
@Path("/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {
    private static final Logger LOG = Logger.getLogger(NoticeResource.class);
    /** Notice ids as this resource makes them (N20261118-5A599USS). */
    private static final Pattern NOTICE_ID = Pattern.compile("^N[0-9A-Za-z-]{1,48}$");
    private static final String WRITERS_NOTE = " Unit staff write their own unit's notices; its reviewer (the unit head) or the hotline centre (dispatcher, admin) publishes them.";
    private static final String CONFLICT = "The notice is not in a status that allows it (a published notice is not published again; a withdrawn or ended one is not changed or withdrawn), or it changed meanwhile (wrong-status, concurrent-change)";
    private static final String NOT_FOUND = "No notice with this id (or one the caller may not read)";

    @Inject
    Notices notices;
    @Inject
    NoticesInForce inForce;
    @Inject
    CatalogueStore catalogue;
    @Inject
    Caller caller;
    @Inject
    Policy policy;
    @Inject
    Clock clock;

    @Operation(summary = "Write a notice",
            description = "A draft notice of a water, power, heating or gas cut, a road closure or other temporary matter: what, where (streets of the catalogue, communities, places), from–to, and the publishing unit." + WRITERS_NOTE)
    @APIResponse(responseCode = "201", description = "The draft; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "422", description = "A rule refuses it: `to` not after `from`, no area, a street or unit not in the catalogue, no unit named by the centre (the field is named)")
    @POST
    @RolesAllowed({"unit", "reviewer", "dispatcher", "admin"})
    public Response create(@Valid @NotNull NoticeRequest in) {
        Instant now = clock.instant();
        Notice n = NoticeRules.draft(NoticeIds.next(now, policy.zone()), draft(in), catalogue.current(), now, caller.actor());
        notices.create(n);
        LOG.infof("notice %s drafted (%s, %s)", n.id(), n.kind().code(), n.unit());
        return Response.created(URI.create("/v1/notices/" + n.id())).entity(view(n, 0L)).build();
    }

    @Operation(summary = "Read a notice",
            description = "The notice, its status as the clock makes it (ended once its end has passed; upcoming before its start), and how many tickets were linked to it at intake. A draft is read by its own unit and the hotline centre; agents read published notices.")
    @APIResponse(responseCode = "200", description = "The notice with its linked-ticket count",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @GET
    @Path("{noticeId}")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public NoticeView get(@PathParam("noticeId") String noticeId) {
        Notice n = load(noticeId);
        NoticeRules.requireMayRead(n, caller.actor());
        return view(n, notices.linkedTickets(n.id()));
    }

    @Operation(summary = "Change a notice",
            description = "Replaces what the notice says (a cut that runs longer moves its end). A draft is changed by whoever may write it; a published notice by its unit's reviewer or the hotline centre. The publishing unit never changes.")
    @APIResponse(responseCode = "200", description = "The notice as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = CONFLICT)
    @APIResponse(responseCode = "422", description = "A rule refuses it (the field is named): `to` not after `from`, or in the past for a published notice; another unit; a street not in the catalogue")
    @PUT
    @Path("{noticeId}")
    @RolesAllowed({"unit", "reviewer", "dispatcher", "admin"})
    public NoticeView update(@PathParam("noticeId") String noticeId, @Valid @NotNull NoticeRequest in) {
        return step(noticeId, n -> NoticeRules.update(n, draft(in), catalogue.current(), clock.instant(), caller.actor()));
    }

    @Operation(summary = "Publish a notice",
            description = "Agents and citizens see it from now on, ahead of its start too (marked upcoming); tickets taken in about it while it is in force are linked to it." + WRITERS_NOTE)
    @APIResponse(responseCode = "200", description = "The notice, published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = CONFLICT + "; a notice whose end has passed is not published")
    @POST
    @Path("{noticeId}/publish")
    @RolesAllowed({"reviewer", "dispatcher", "admin"})
    public NoticeView publish(@PathParam("noticeId") String noticeId) {
        return step(noticeId, n -> NoticeRules.publish(n, clock.instant(), caller.actor()));
    }

    @Operation(summary = "Withdraw a notice",
            description = "Called off or published in error: it leaves the desk and links no more tickets (those linked stay linked). A draft may be dropped so too. By the unit's reviewer or the hotline centre.")
    @APIResponse(responseCode = "200", description = "The notice, withdrawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = CONFLICT)
    @POST
    @Path("{noticeId}/withdraw")
    @RolesAllowed({"reviewer", "dispatcher", "admin"})
    public NoticeView withdraw(@PathParam("noticeId") String noticeId, @Valid WithdrawRequest in) {
        String reason = in == null ? null : in.reason();
        return step(noticeId, n -> NoticeRules.withdraw(n, reason, clock.instant(), caller.actor()));
    }

    @Operation(summary = "List notices",
            description = "Notices, the latest end first, optionally of one status (draft, published, withdrawn, ended), kind, and in force at some time on a `day` (2026-11-18, in the deployment's zone). Drafts are listed for their own unit and the hotline centre only. A page at a time: the Next-Cursor header, when present, is the `cursor` of the next page; a page may be short and still have a next one.")
    @APIResponse(responseCode = "200", description = "A page of notices",
            headers = @Header(name = Lists.NEXT_CURSOR, description = "the cursor of the next page; absent on the last page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = NoticeView.class)))
    @GET
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public RestResponse<List<NoticeView>> list(@QueryParam("status") NoticeStatus status, @QueryParam("kind") NoticeKind kind,
                                               @QueryParam("day") String day,
                                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                               @QueryParam("cursor") String cursor) {
        Instant now = clock.instant();
        Instant from = null;
        Instant to = null;
        if (day != null) {
            LocalDate d = day(day);
            from = d.atStartOfDay(policy.zone()).toInstant();
            to = d.plusDays(1).atStartOfDay(policy.zone()).toInstant();
        }
        var drafts = NoticeRules.draftsSeenBy(caller.actor());
        if (status == NoticeStatus.DRAFT && !drafts.all() && drafts.unit() == null) {
            return RestResponse.ok(List.of()); // an agent sees no drafts
        }
        NoticeQuery q = new NoticeQuery(status, kind, from, to, drafts);
        int pageSize = limit;
        Notices.Page page = Lists.read(() -> notices.list(q, now, cursor, pageSize));
        var answer = RestResponse.ResponseBuilder.ok(page.items().stream().map(n -> view(n, null)).toList());
        if (page.next() != null) {
            answer.header(Lists.NEXT_CURSOR, page.next());
        }
        return answer.build();
    }

    @Operation(summary = "Notices for the caller on the line",
            description = "For the agent's desk: the notices in force and those starting within `ahead` hours (default 24, marked upcoming), those covering the caller's street (a street office id of the catalogue), community or the place in their words first (narrowest area first, then by start), then the rest of the district's by start.")
    @APIResponse(responseCode = "200", description = "The notices, the caller's first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DeskNotice.class)))
    @GET
    @Path("active")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public List<DeskNotice> active(@QueryParam("street") String street, @QueryParam("community") String community,
                                   @QueryParam("words") String words,
                                   @QueryParam("ahead") @DefaultValue("24") @Min(0) @Max(168) int ahead) {
        return forCaller(street, community, words, Duration.ofHours(ahead)).stream()
                .map(s -> new DeskNotice(s.matches(), s.upcoming(), view(s.notice(), null))).toList();
    }

    @Operation(summary = "Notices for the public",
            description = "What citizens read before they file (web, mobile, WeChat): the published notices in force and those starting within 24 hours, those covering the given street, community or place first; what, where, when and the publishing unit, nothing of their making.")
    @APIResponse(responseCode = "200", description = "The notices, the given place's first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PublicNotice.class)))
    @GET
    @Path("public")
    @RolesAllowed({"citizen", "agent", "dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public List<PublicNotice> forThePublic(@QueryParam("street") String street, @QueryParam("community") String community,
                                           @QueryParam("words") String words) {
        RoutingCatalogue units = catalogue.current();
        return forCaller(street, community, words, NoticeBoard.DEFAULT_AHEAD).stream()
                .map(s -> {
                    Notice n = s.notice();
                    NoticeView v = view(n, null);
                    return new PublicNotice(n.id(), n.kind(), n.title(), n.text(), v.areas(), v.from(), v.to(),
                            units.unit(n.unit()).map(HandlingUnit::name).orElse(n.unit()), s.matches(), s.upcoming());
                }).toList();
    }

    /** The notices in force and upcoming within {@code ahead}, from the cache intake reads too: the caller's first. */
    private List<NoticeBoard.Shown> forCaller(String street, String community, String words, Duration ahead) {
        return inForce.get().forCaller(new CallerPlace(street, community, words), clock.instant(), ahead);
    }

    /** Loads the notice, applies the rule, stores it conditionally on the version read; the desk sees it at once. */
    private NoticeView step(String noticeId, UnaryOperator<Notice> rule) {
        Notice next = rule.apply(load(noticeId));
        notices.save(next);
        inForce.changed();
        LOG.infof("notice %s v%d %s", next.id(), next.version(), next.status().code());
        return view(next, notices.linkedTickets(next.id()));
    }

    private Notice load(String noticeId) {
        if (!NOTICE_ID.matcher(noticeId).matches()) {
            throw new NoticeNotFoundException(noticeId);
        }
        return notices.find(noticeId).orElseThrow(() -> new NoticeNotFoundException(noticeId));
    }

    private NoticeView view(Notice n, Long linked) {
        return NoticeView.of(n, clock.instant(), policy.zone(), linked);
    }

    private static NoticeDraft draft(NoticeRequest in) {
        List<NoticeArea> areas = in.areas().stream().map(a -> new NoticeArea(a.street(), null, a.community(), a.place())).toList();
        return new NoticeDraft(in.kind(), in.title(), in.text(), areas, in.keywords(), in.from().toInstant(),
                in.to().toInstant(), in.unit() == null || in.unit().isBlank() ? null : in.unit().strip());
    }

    private static LocalDate day(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new BadInput("day", "must be a day written 2026-11-18");
        }
    }
}
