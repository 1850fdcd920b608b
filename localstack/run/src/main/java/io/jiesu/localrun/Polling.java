package io.jiesu.localrun;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on processes the run starts: real time, since they are other JVMs with clocks of their own. */
public final class Polling {
    private Polling() {
    }

    /** Checks {@code done} every {@code every} until it holds (true) or the timeout passes (false). */
    public static boolean until(Duration timeout, Duration every, BooleanSupplier done) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return true;
            }
            sleep(every.toMillis());
        }
        return false;
    }

    /** Whether the request is answered 200 now; false while nothing listens yet. */
    public static boolean answers200(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.uri(), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
