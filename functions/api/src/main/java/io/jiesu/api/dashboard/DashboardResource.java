package io.jiesu.api.dashboard;

import io.jiesu.aws.Cached;
import io.jiesu.aws.dashboard.FigureItems;
import io.jiesu.aws.rates.RateReports;
import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.rates.CentreFigures;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The live figures for the big screen and the supervisors, read from the centre's figure items and the units'
 * counters, never from the tickets. Many screens poll it every few seconds: the figures are read at most once
 * per {@code jiesu.dashboard.refresh} for all of them, and a screen that sends the ETag it has gets 304 while
 * nothing moved.
 */
@Path("/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DashboardResource {
    @Inject
    FigureItems figures;
    @Inject
    RateReports reports;
    @Inject
    Policy policy;
    @Inject
    Clock clock;
    @ConfigProperty(name = "jiesu.dashboard.refresh", defaultValue = "2s")
    Duration refresh;

    private Cached<Answer> current;

    /** The figures and their entity tag, made once per read. */
    record Answer(Dashboard dashboard, String etag) {
    }

    @PostConstruct
    void cache() {
        current = new Cached<>(refresh, clock, this::read);
    }

    @Operation(summary = "The live figures",
            description = "Tickets taken in, dispatched, closed and gone overdue today, this hour and this month, taken in"
                    + " by category and channel, the others by lead unit; today hour by hour; and the rates of today and"
                    + " of the month. Read from counters, not tickets, and shared by every screen for a moment: send the"
                    + " ETag back in If-None-Match, and the answer is 304 while nothing moved.")
    @APIResponse(responseCode = "200", description = "The figures",
            headers = @Header(name = HttpHeaders.ETAG, description = "the figures' entity tag, for If-None-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dashboard.class)))
    @APIResponse(responseCode = "304", description = "Nothing moved since the ETag given in If-None-Match")
    @GET
    @RolesAllowed({"agent", "dispatcher", "supervisor", "admin"})
    public Response dashboard(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Answer a = current.get();
        if (matches(ifNoneMatch, a.etag())) {
            return Response.notModified().tag(new jakarta.ws.rs.core.EntityTag(unquoted(a.etag())))
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
        }
        return Response.ok(a.dashboard()).header(HttpHeaders.ETAG, a.etag())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    private Answer read() {
        ZonedDateTime now = clock.instant().atZone(policy.zone());
        LocalDate today = now.toLocalDate();
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        Map<String, Long> day = figures.sum(today, today);
        Map<String, Long> month = figures.sum(firstOfMonth, today);
        var units = reports.units();
        Dashboard.Figures todays = Dashboard.figures(day, RateReports.overall(reports.rates(units, today, today)));
        Dashboard.Figures months = Dashboard.figures(month, RateReports.overall(reports.rates(units, firstOfMonth, today)));
        List<Dashboard.HourFigures> hours = new ArrayList<>();
        for (int h = 0; h <= now.getHour(); h++) {
            hours.add(Dashboard.hour(day, h));
        }
        Dashboard.HourFigures thisHour = hours.get(hours.size() - 1);
        Dashboard.Figures hourFigures = new Dashboard.Figures(thisHour.takenIn(), thisHour.dispatched(), thisHour.closed(),
                thisHour.overdue(), Map.of(), Map.of(), List.of(), null,
                day.getOrDefault(CentreFigures.inHour(now.getHour(), CentreFigures.ANSWERED_ON_SPOT), 0L),
                day.getOrDefault(CentreFigures.inHour(now.getHour(), CentreFigures.DEFLECTED), 0L));
        Dashboard d = new Dashboard(today.toString(), now.getHour(), YearMonth.from(today).toString(), todays,
                hourFigures, months, hours);
        return new Answer(d, etag(TicketJson.write(d)));
    }

    private static String etag(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match holds the tag (among others, weak or strong), or *. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    private static String unquoted(String etag) {
        return etag.substring(1, etag.length() - 1);
    }
}
