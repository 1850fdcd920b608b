package io.jiesu.api.rates;

import io.jiesu.api.security.Caller;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.tickets.TicketStore;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.routing.HandlingUnit;
import io.jiesu.core.ticket.TicketRefusal;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rates per unit and overall for any range of days (a day, an ISO week, a month), read from the counters
 * (units × days items, never the ticket table), and the monthly ranking.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RatesResource {
    /** Units with fewer dispatched tickets in the month are listed but not ranked. */
    static final int MINIMUM_TO_RANK = 5;

    @Inject
    TicketStore store;
    @Inject
    CatalogueStore catalogue;
    @Inject
    Caller caller;
    @Inject
    Policy policy;
    @Inject
    Clock clock;

    public record UnitRates(String unitId, String name, Rates rates) {
    }

    public record Report(LocalDate from, LocalDate to, List<UnitRates> units, Rates overall) {
    }

    public record RankingReport(YearMonth month, int minimumDispatched, List<Ranking.Entry> units) {
    }

    @GET
    @Path("rates")
    @RolesAllowed({"dispatcher", "supervisor", "admin"})
    public Report all(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] range = range(from, to);
        List<UnitRates> units = catalogue.current().units().stream()
                .map(u -> new UnitRates(u.id(), u.name(), rates(u.id(), range[0], range[1]))).toList();
        Rates overall = Rates.of(Rates.sum(units.stream().map(u -> u.rates().counts()).toList()));
        return new Report(range[0], range[1], units, overall);
    }

    @GET
    @Path("rates/units/{unitId}")
    @RolesAllowed({"unit", "reviewer", "dispatcher", "supervisor", "admin"})
    public UnitRates unit(@PathParam("unitId") String unitId, @QueryParam("from") String from, @QueryParam("to") String to) {
        caller.requireOwnUnit(unitId);
        LocalDate[] range = range(from, to);
        String name = catalogue.current().unit(unitId).map(HandlingUnit::name).orElse(unitId);
        return new UnitRates(unitId, name, rates(unitId, range[0], range[1]));
    }

    @GET
    @Path("rankings/{month}")
    @RolesAllowed({"dispatcher", "supervisor", "admin"})
    public RankingReport ranking(@PathParam("month") String month) {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw TicketRefusal.invalid("month", "a month is written 2026-11");
        }
        Ranking ranking = new Ranking(MINIMUM_TO_RANK);
        Set<String> previousBottom = ranking.rank(monthRates(m.minusMonths(1)), Set.of()).stream()
                .filter(Ranking.Entry::bottom).map(Ranking.Entry::unitId).collect(Collectors.toSet());
        return new RankingReport(m, MINIMUM_TO_RANK, ranking.rank(monthRates(m), previousBottom));
    }

    private Map<String, Rates> monthRates(YearMonth m) {
        Map<String, Rates> byUnit = new LinkedHashMap<>();
        for (HandlingUnit u : catalogue.current().units()) {
            byUnit.put(u.id(), rates(u.id(), m.atDay(1), m.atEndOfMonth()));
        }
        return byUnit;
    }

    private Rates rates(String unitId, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Counter, Long>> days = store.counters(unitId, from, to);
        return Rates.of(Rates.sum(days.values()));
    }

    /** from..to inclusive; by default this month so far. At most a year, so a report stays cheap. */
    private LocalDate[] range(String from, String to) {
        LocalDate today = LocalDate.now(clock.withZone(policy.zone()));
        LocalDate f = parse("from", from, today.withDayOfMonth(1));
        LocalDate t = parse("to", to, today);
        if (t.isBefore(f)) {
            throw TicketRefusal.invalid("to", "to comes before from");
        }
        if (f.plusYears(1).isBefore(t)) {
            throw TicketRefusal.invalid("to", "a report covers at most a year");
        }
        return new LocalDate[]{f, t};
    }

    private static LocalDate parse(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw TicketRefusal.invalid(field, "a day is written 2026-11-22");
        }
    }
}
