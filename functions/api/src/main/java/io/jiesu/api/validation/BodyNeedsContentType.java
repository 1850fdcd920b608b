package io.jiesu.api.validation;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body without a Content-Type is refused (415), not guessed at: a client that sends a form or text without
 * saying so would otherwise have it read as JSON. Checked after who is calling (401/403 come first), before
 * the body is read.
 */
public class BodyNeedsContentType {
    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && hasBody(request)) {
            throw new NotSupportedException("a request with a body says what it is: send Content-Type: application/json");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Long.parseLong(length.trim()) > 0;
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
