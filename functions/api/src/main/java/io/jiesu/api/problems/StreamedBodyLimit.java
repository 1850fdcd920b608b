package io.jiesu.api.problems;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body limit for bodies that declare no length (chunked): EdgeRoutes refuses a declared length up front;
 * this counts the bytes as the body is read and stops at the limit, with the same 413.
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {
    @ConfigProperty(name = "jiesu.http.max-body-bytes", defaultValue = "65536")
    long maxBytes;
    /** The request property that gives an endpoint another limit ({@link FileBodyLimit}). */
    static final String LIMIT = "jiesu.http.body-limit";

    /** An IOException, so Jackson passes it through unwrapped rather than as a bad field. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large", null);
        }
    }

    /** What the mappers answer with 413. */
    public static final class BodyTooLargeException extends RuntimeException {
        final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("the body may be at most " + maxBytes + " bytes", null, false, false);
            this.maxBytes = maxBytes;
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = context.getProperty(LIMIT) instanceof Number n ? n.longValue() : maxBytes;
        context.setInputStream(new Counting(context.getInputStream(), limit));
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TooLarge) {
                    throw new BodyTooLargeException(limit);
                }
            }
            throw e;
        }
    }

    private static final class Counting extends FilterInputStream {
        private final long max;
        private long count;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > max) {
                throw new TooLarge();
            }
        }
    }
}
