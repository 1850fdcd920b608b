package io.jiesu.api.search;

import io.jiesu.api.security.Caller;
import io.jiesu.api.validation.BadInput;
import io.jiesu.api.validation.ParamLimits;
import io.jiesu.aws.search.SearchCriteria;
import io.jiesu.aws.search.TicketLists;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.TicketState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Ticket search for the console: filters on one index query per page (every ticket, or one lead unit's; by
 * intake or due time), never a scan. Unit staff search their own unit's tickets only, and see only those their
 * unit may read.
 */
@Path("/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
    /** Words in the content: a few, each found as typed (the word index finds the tickets holding the rarest). */
    static final int MAX_WORDS = 5;

    @Inject
    TicketLists lists;
    @Inject
    Caller caller;
    @Inject
    Policy policy;

    @Operation(summary = "Search tickets",
            description = "Tickets that meet every filter given, newest intake first (sort=intake) or soonest due first"
                    + " (sort=due; closed tickets last), a page at a time: pass the page's `next` as `cursor` for the"
                    + " next. `from` and `to` are days of intake (inclusive, the deployment's time zone); `q` holds up"
                    + " to five words that must all occur in the content. Unit staff search only their own unit's"
                    + " tickets (as lead unit) and see only those their unit may read. The list shows no name or phone.")
    @APIResponse(responseCode = "200", description = "A page of tickets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketPage.class)))
    @GET
    @Path("tickets")
    @RolesAllowed({"agent", "dispatcher", "unit", "reviewer", "supervisor", "admin"})
    public TicketPage search(@QueryParam("state") TicketState state, @QueryParam("category") Category category,
                             @QueryParam("channel") Channel channel,
                             @Parameter(description = "the lead unit's id; unit staff may give only their own")
                             @QueryParam("leadUnit") String leadUnit,
                             @Parameter(description = "first day of intake, 2026-11-22") @QueryParam("from") String from,
                             @Parameter(description = "last day of intake, 2026-11-22") @QueryParam("to") String to,
                             @QueryParam("overdue") Boolean overdue, @QueryParam("provincial") Boolean provincial,
                             @Parameter(description = "words that must all occur in the content, separated by spaces")
                             @QueryParam("q") String q,
                             @Parameter(description = "intake: newest intake first; due: soonest due first")
                             @QueryParam("sort") @DefaultValue("intake") SearchCriteria.Order sort,
                             @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                             @QueryParam("cursor") String cursor) {
        if (leadUnit != null && !ParamLimits.UNIT_ID.matcher(leadUnit).matches()) {
            throw new BadInput("leadUnit", "must be a unit id like heating-company");
        }
        String readingUnit = null;
        if (caller.isUnitStaff()) {
            if (leadUnit != null && !leadUnit.equals(caller.unitId())) {
                throw new ForbiddenException("unit staff search only their own unit's tickets");
            }
            readingUnit = caller.unitId();
            if (readingUnit == null) {
                // fail closed: without its unit a unit token would search every ticket (TokenClaims refuses it first)
                throw new ForbiddenException("unit staff carry their unit");
            }
            leadUnit = readingUnit;
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new BadInput("to", "comes before from");
        }
        Instant receivedFrom = first == null ? null : first.atStartOfDay(policy.zone()).toInstant();
        Instant receivedBefore = last == null ? null : last.plusDays(1).atStartOfDay(policy.zone()).toInstant();
        SearchCriteria criteria = new SearchCriteria(state, category, channel, leadUnit, receivedFrom, receivedBefore,
                overdue, provincial, words(q), sort);
        String reader = readingUnit;
        return TicketPage.of(Lists.read(() -> lists.search(criteria, reader, cursor, limit)));
    }

    private static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        List<String> words = Arrays.stream(q.strip().split("\\s+")).distinct().toList();
        if (words.size() > MAX_WORDS) {
            throw new BadInput("q", "at most " + MAX_WORDS + " words");
        }
        return words;
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < ParamLimits.MIN_YEAR || day.getYear() > ParamLimits.MAX_YEAR) {
                throw new BadInput(field, "must be a day from " + ParamLimits.MIN_YEAR + " to " + ParamLimits.MAX_YEAR);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new BadInput(field, "must be a day written 2026-11-22");
        }
    }
}
