package io.jiesu.api.problems;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals before a request is routed, as problem+json. A request line longer than jiesu.http.max-uri-length
 * (a 5,000-character id) is a 414 here: the HTTP layer's own line limit (quarkus.http.limits.max-initial-line-length)
 * is set well above it, because the HTTP layer answers a bare 414 with no body. A body that declares more than
 * jiesu.http.max-body-bytes is refused before it is read (a ticket is a few KB; a file endpoint, {@link FileBody}, takes
 * up to jiesu.http.max-file-bytes); one that declares no length is
 * counted by StreamedBodyLimit, and quarkus.http.limits.max-body-size stays the HTTP layer's hard stop. An
 * HTTP/1.1 connection is closed after a 413, as the hard stop does, so the unread body is not drained.
 */
@Singleton
public class EdgeRoutes {
    @ConfigProperty(name = "jiesu.http.max-body-bytes", defaultValue = "65536")
    long maxBytes;
    @ConfigProperty(name = "jiesu.http.max-file-bytes", defaultValue = "5242880")
    long maxFileBytes;
    @ConfigProperty(name = "jiesu.http.max-uri-length", defaultValue = "2048")
    int maxUriLength;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(ctx -> {
            if (ctx.request().uri().length() <= maxUriLength) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(414).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end("{\"type\":\"https://jiesu.io/problems/uri-too-long\",\"title\":\"URI Too Long\","
                            + "\"status\":414,\"detail\":\"the path and query may be at most " + maxUriLength + " characters\"}");
        });
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1; // the HTTP layer refuses a Content-Length that is not a number
            }
            String path = ctx.request().path();
            // the REST layer routes a path with a trailing slash to the same endpoint
            String endpoint = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            long limit = FileBody.PATHS.contains(endpoint) ? maxFileBytes : maxBytes;
            if (declared <= limit) {
                ctx.next();
                return;
            }
            String body = "{\"type\":\"https://jiesu.io/problems/too-large\",\"title\":\"Request body too large\","
                    + "\"status\":413,\"detail\":\"the body may be at most " + limit + " bytes\"}";
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            if (ctx.request().version() != HttpVersion.HTTP_2) {
                // HTTP/1.1 would read the rest of the body before the next request: close instead
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(v -> ctx.request().connection().close());
            } // HTTP/2 ends just this stream: the unread body is reset with it, the connection stays
            ctx.response().end(body);
        });
    }
}
