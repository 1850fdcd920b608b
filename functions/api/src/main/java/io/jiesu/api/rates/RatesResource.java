package io.jiesu.api.rates;

import io.jiesu.core.Refusal;
import io.jiesu.api.security.Caller;
import io.jiesu.api.validation.ParamLimits;
import io.jiesu.aws.rates.RateReports;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.catalogue.HandlingUnit;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The rates per unit and overall for any range of days (a day, an ISO week, a month), read from the counters
 * (units × days items, never the ticket table), and the monthly ranking.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RatesResource {
    @Inject
    RateReports reports;
    @Inject
    Caller caller;
    @Inject
    Policy policy;
    @Inject
    Clock clock;

    private static final String RANGE_REFUSED =
            "Not a day written 2026-11-22, `to` before `from`, more than a year, or a year outside the calendar's";

    public record UnitRates(String unitId, String name, Rates rates) {
    }

    public record Report(LocalDate from, LocalDate to, List<UnitRates> units, Rates overall) {
    }

    public record RankingReport(YearMonth month, int minimumDispatched, List<Ranking.Entry> units) {
    }

    @Operation(summary = "Every unit's rates for a range of days",
            description = "Every handling unit's rates (response, on-time completion, completion, first-time resolution,"
                    + " resolution, satisfaction), each with the counts behind it, and the overall rates, for the"
                    + " days from `from` to `to` inclusive (a day, an ISO week, a month; by default this month so far)."
                    + " Read from the daily counters, never from the tickets.")
    @APIResponse(responseCode = "200", description = "The rates of every unit and overall",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "422", description = RANGE_REFUSED)
    @GET
    @Path("rates")
    @RolesAllowed({"dispatcher", "supervisor", "admin"})
    public Report all(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] range = range(from, to);
        List<HandlingUnit> catalogueUnits = reports.units();
        Map<String, Rates> byUnit = reports.rates(catalogueUnits, range[0], range[1]);
        List<UnitRates> units = catalogueUnits.stream()
                .map(u -> new UnitRates(u.id(), u.name(), byUnit.get(u.id()))).toList();
        return new Report(range[0], range[1], units, RateReports.overall(byUnit));
    }

    @Operation(summary = "One unit's rates for a range of days",
            description = "One unit's rates with their counts for the days from `from` to `to`; unit staff read only their own.")
    @APIResponse(responseCode = "200", description = "The unit's rates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitRates.class)))
    @APIResponse(responseCode = "422", description = RANGE_REFUSED)
    @GET
    @Path("rates/units/{unitId}")
    @RolesAllowed({"unit", "reviewer", "dispatcher", "supervisor", "admin"})
    public UnitRates unit(@PathParam("unitId") String unitId, @QueryParam("from") String from, @QueryParam("to") String to) {
        caller.requireOwnUnit(unitId);
        LocalDate[] range = range(from, to);
        String name = reports.units().stream().filter(u -> u.id().equals(unitId)).map(HandlingUnit::name)
                .findFirst().orElse(unitId);
        return new UnitRates(unitId, name, reports.unit(unitId, range[0], range[1]));
    }

    @Operation(summary = "The month's ranking of units",
            description = "Units ordered by the weighted composite of their rates; units with fewer dispatched tickets than"
                    + " the minimum are listed but not ranked; the bottom unit is flagged, and marked when it was"
                    + " also bottom the month before.")
    @APIResponse(responseCode = "200", description = "The month's ranking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankingReport.class)))
    @APIResponse(responseCode = "422", description = "Not a month written 2026-11, or a year outside the calendar's")
    @GET
    @Path("rankings/{month}")
    @RolesAllowed({"dispatcher", "supervisor", "admin"})
    public RankingReport ranking(@PathParam("month") String month) {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("month", "a month is written 2026-11");
        }
        requireCalendarYear("month", m.getYear());
        return new RankingReport(m, reports.minimumToRank(), reports.ranking(m));
    }
    /** from..to inclusive; by default this month so far. At most a year, so a report stays cheap. */
    private LocalDate[] range(String from, String to) {
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        LocalDate f = parse("from", from, today.withDayOfMonth(1));
        LocalDate t = parse("to", to, today);
        if (t.isBefore(f)) {
            throw Refusal.invalid("to", "to comes before from");
        }
        if (f.plusYears(1).isBefore(t)) {
            throw Refusal.invalid("to", "a report covers at most a year");
        }
        return new LocalDate[]{f, t};
    }

    private static LocalDate parse(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "a day is written 2026-11-22");
        }
        requireCalendarYear(field, day.getYear());
        return day;
    }

    /**
     * Counters exist only for days the working calendar can hold: a year such as +99999 parses as a date, but
     * names no day a ticket could have been counted on (and a year's range from it would overflow).
     */
    private static void requireCalendarYear(String field, int year) {
        if (year < ParamLimits.MIN_YEAR || year > ParamLimits.MAX_YEAR) {
            throw Refusal.invalid(field, "a year from " + ParamLimits.MIN_YEAR + " to " + ParamLimits.MAX_YEAR);
        }
    }
}
