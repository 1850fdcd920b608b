package io.jiesu.api.problems;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/** A ticket is a few KB: a body declared larger than the limit is refused before it is read. */
public class BodySizeLimit {
    @ConfigProperty(name = "jiesu.http.max-body-bytes", defaultValue = "65536")
    long maxBytes;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversized(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !length.isBlank()) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    return ProblemMappers.respond(413, "too-large", "Request body too large",
                            "the body may be at most " + maxBytes + " bytes", List.of());
                }
            } catch (NumberFormatException e) {
                return ProblemMappers.respond(400, "bad-content-length", "Bad Content-Length", "Content-Length is not a number", List.of());
            }
        }
        return null;
    }
}
