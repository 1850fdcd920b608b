package io.jiesu.api.province;

import io.jiesu.core.Refusal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.api.problems.Problem;
import io.jiesu.api.problems.ProblemMappers;
import io.jiesu.api.ticket.IntakeResponse;
import io.jiesu.aws.province.Provinces;
import io.jiesu.aws.ticket.IdempotencyKeyReusedException;
import io.jiesu.aws.ticket.Intake;
import io.jiesu.core.province.ProvinceCategories;
import io.jiesu.core.province.ProvinceSignature;
import io.jiesu.core.ticket.*;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

/**
 * The provincial platform's webhook: tickets sent down, authenticated by an HMAC signature over the timestamp
 * and the raw body with the province's secret (no bearer token). A retry of the same provincial ticket
 * returns the ticket it created, and nothing is dispatched twice; its number sent again with another body is a 409.
 */
@Path("/v1/province/{province}/tickets")
@PermitAll
public class ProvinceResource {
    private static final Logger LOG = Logger.getLogger(ProvinceResource.class);

    @Inject
    Provinces provinces;
    @Inject
    Intake intake;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    public record Accepted(String ticketId, String provinceTicketId, TicketState state) {
    }

    @Operation(summary = "Receive a ticket from the provincial platform",
            description = "A provincial platform sends a ticket down (docs/province/ticket.schema.json), signed with HMAC-SHA256 over the timestamp and the raw body (X-Jiesu-Timestamp, X-Jiesu-Signature: sha256=...), no bearer token. The ticket is provincial: a shorter clock and a visit before its reply. The province's ticket number makes retries safe: the same body again returns the same ticket (200); the same number with another body is a conflict (409).")
    @APIResponse(responseCode = "201", description = "Taken in; Location names the new ticket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "200", description = "A retry of the same provincial ticket with the same body: the ticket it created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "409", description = "The provincial ticket number was already received with a different body")
    @APIResponse(responseCode = "422", description = "An unknown provincial category")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("province") String code,
                            @HeaderParam(ProvinceSignature.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(ProvinceSignature.SIGNATURE_HEADER) String signature,
                            byte[] body) throws IOException {
        // verify before reading anything: an unsigned body is not even parsed
        var province = provinces.get(code);
        String refusal = province.isEmpty() ? "unknown province"
                : province.get().signature().refusal(timestamp, signature, body == null ? new byte[0] : body, clock.instant());
        if (refusal != null) {
            // one answer for every refusal, so province codes cannot be probed; the log says which
            LOG.warnf("province webhook refused for %.32s: %s", code, refusal);
            return ProblemMappers.respond(401, "bad-signature", "Unauthorized",
                    "the province, " + ProvinceSignature.TIMESTAMP_HEADER + " or " + ProvinceSignature.SIGNATURE_HEADER
                            + " was not accepted", List.of());
        }
        ProvinceTicketRequest in = json.readValue(body, ProvinceTicketRequest.class);
        if (in == null) {
            throw Refusal.invalid("provinceTicketId", "the body is not a ticket");
        }
        var violations = validator.validate(in);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Category category = ProvinceCategories.of(in.category()).orElseThrow(() -> Refusal.invalid("category",
                "unknown provincial category '" + in.category() + "'; one of " + new TreeSet<>(ProvinceCategories.codes())));
        NewTicket ticket = new NewTicket(category, Channel.PROVINCE, in.contentWithTitle(),
                new Citizen(in.citizen().name().strip(), in.citizen().phone()), in.address(), in.matter(), false);
        Intake.Received received;
        try {
            received = intake.fromProvince(ticket, new Ticket.ProvinceRef(code, in.provinceTicketId()), in);
        } catch (IdempotencyKeyReusedException e) {
            return ProblemMappers.respond(409, "province-ticket-conflict", "Provincial ticket number already used",
                    "provincial ticket " + in.provinceTicketId() + " was already received with a different body;"
                            + " a retry sends the same body, a new ticket a new number",
                    List.of(new Problem.FieldError("provinceTicketId", "already received with a different body")));
        }
        return IntakeResponse.of(received,
                new Accepted(received.ticket().id(), in.provinceTicketId(), received.ticket().state()));
    }
}
