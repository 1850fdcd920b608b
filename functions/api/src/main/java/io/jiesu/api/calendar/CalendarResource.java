package io.jiesu.api.calendar;

import io.jiesu.core.Refusal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.jiesu.aws.calendar.CalendarStore;
import io.jiesu.core.calendar.HolidayList;
import io.jiesu.core.calendar.WorkCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The working-day calendar: load or replace a year's State Council holiday list at run time (same JSON shape
 * as the holiday-cn lists), so each November's notice needs no release.
 */
@Path("/v1/admin/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    @Inject
    CalendarStore calendars;

    public record YearStatus(int year, boolean listed, List<String> warnings) {
    }

    /** A list just loaded: its year, how many days off it names, and the papers it comes from. */
    public record LoadedYear(int year, int days, List<String> papers) {
    }

    @Operation(summary = "Whether a year's holiday list is loaded",
            description = "Whether the State Council holiday list of the year is loaded, and the warnings deadlines in that year carry until it is (the year then counts Monday to Friday).")
    @GET
    @Path("{year}")
    @RolesAllowed({"admin", "supervisor", "dispatcher"})
    public YearStatus year(@PathParam("year") int year) {
        WorkCalendar c = calendars.current();
        return new YearStatus(year, c.hasListFor(year), c.warningsFor(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    @Operation(summary = "Load a year's holiday list",
            description = "Loads or replaces a year's State Council holiday list (the holiday-cn JSON shape: year, papers, days with name, date and isOffDay), so each November's notice needs no release.")
    @APIResponse(responseCode = "200", description = "Loaded: the year, how many days off it lists, and its papers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoadedYear.class)))
    @APIResponse(responseCode = "422", description = "Not a holiday list, a list of another year, or a list with no days")
    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public LoadedYear load(@PathParam("year") int year, String json) {
        HolidayList list;
        try {
            list = HolidayList.parse(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw Refusal.invalid("days", "not a holiday list: " + e.getMessage());
        }
        if (list.year() != year) {
            throw Refusal.invalid("year", "the list is for " + list.year() + ", not " + year);
        }
        if (list.isEmpty()) {
            throw Refusal.invalid("days", "the list for " + year + " has no days");
        }
        calendars.load(json);
        return new LoadedYear(year, list.offDays().size(), list.papers());
    }
}
