package io.jiesu.localcloud;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Test helper: waits for threads matching a predicate to end. */
final class Threads {

    private Threads() {
    }

    /** Live threads that keep the JVM from exiting and are running code of the given package. */
    static Predicate<Thread> nonDaemonRunning(String packagePrefix) {
        return thread -> !thread.isDaemon() && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(packagePrefix));
    }

    static Predicate<Thread> named(String prefix) {
        return thread -> thread.getName().startsWith(prefix);
    }

    static void awaitNone(Predicate<Thread> matching, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            List<String> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive).filter(matching).map(Thread::getName).collect(Collectors.toList());
            if (left.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("threads still running: " + left);
            }
            Thread.sleep(50);
        }
    }
}
