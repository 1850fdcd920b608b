package io.jiesu.api.validation;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * A body without a Content-Type is refused (415), not guessed at: a client that sends a form or text without
 * saying so would otherwise have it read as JSON. Checked as the body is read, so whatever the framing (a
 * Content-Length, chunked, an HTTP/2 stream) a body that has even one byte is seen; an empty one passes on to
 * be refused as empty where a body is required. Who is calling is settled before (401/403 come first).
 */
@Provider
public class BodyNeedsContentType implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) == null) {
            PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 1);
            int first = in.read();
            if (first >= 0) {
                throw new NotSupportedException("a request with a body says what it is: send Content-Type: application/json");
            }
            context.setInputStream(in);
        }
        return context.proceed();
    }
}
