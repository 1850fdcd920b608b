package io.jiesu.api.ticket;

import io.jiesu.aws.ticket.Intake;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Intake's answer over HTTP, for the API and the webhook alike: 201 for a new ticket, 200 for a retry; Location names it. */
public final class IntakeResponse {
    private IntakeResponse() {
    }

    public static Response of(Intake.Received received, Object entity) {
        return Response.status(received.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/v1/tickets/" + received.ticket().id()))
                .entity(entity).build();
    }
}
