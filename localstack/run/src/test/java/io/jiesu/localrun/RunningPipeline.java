package io.jiesu.localrun;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Starts the local run once for the whole test JVM (api and stage processes, emulators) and stops it when
 * JUnit finishes. Queues redrive fast here: 3 receives, 5-second visibility. Besides the demo province the run knows
 * two more for ProvinceEndToEndTest: "gd", whose endpoint fails its first two posts, and "down", which never answers;
 * notices are retried after 1 to 2 seconds instead of minutes.
 * <p>
 * The run's clock starts on {@link #MONDAY_0900}, where {@link FirstMonth RatesByNumbersEndToEndTest} works a month
 * of tickets first; every other class gets the run moved on to today before it starts (once), since they file
 * signed and dated requests on the real clock.
 */
public class RunningPipeline implements BeforeAllCallback, ParameterResolver {
    static final int MAX_RECEIVE_COUNT = 3;
    static final String PROVINCE_SECRET = "flaky-province-secret-0123";
    /** 2026-03-02 09:00 in Shanghai: a Monday, in a month without public holidays. */
    static final Instant MONDAY_0900 = Instant.parse("2026-03-02T01:00:00Z");

    @Override
    public void beforeAll(ExtensionContext context) {
        runFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return new Api(runFor(e));
    }

    /** The run a class of this extension works on. */
    LocalRun runFor(ExtensionContext context) {
        return run(context);
    }

    /** The shared run, moved on to today if it is still in its first month. */
    static LocalRun run(ExtensionContext context) {
        Holder holder = holder(context);
        holder.moveOnToToday();
        return holder.run;
    }

    private static Holder holder(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("jiesu-local-run", k -> new Holder(), Holder.class);
    }

    /**
     * The shared run still in its first month, from {@link #MONDAY_0900}: for the one class that works through that
     * month before any other moves the run on to today. It runs first ({@code @Order(1)}); it fails rather than work a
     * month the run has already left.
     */
    public static final class FirstMonth extends RunningPipeline {
        @Override
        LocalRun runFor(ExtensionContext context) {
            Holder holder = holder(context);
            if (holder.movedOn) {
                throw new IllegalStateException(context.getRequiredTestClass().getSimpleName() + " works the shared run's"
                        + " first month, but another class has moved the run on to today: give it @Order(1)");
            }
            return holder.run;
        }
    }

    /** The shared run's province "gd" (fails its first two posts) and "down" (never answers), once it started. */
    static FlakyProvince flaky;
    static FlakyProvince down;

    static final class Holder implements ExtensionContext.Store.CloseableResource {
        final LocalRun run;
        final FlakyProvince flaky;
        final FlakyProvince down;
        /** Whether the run has left its first month for today. */
        volatile boolean movedOn;

        Holder() {
            io.jiesu.core.province.ProvinceSignature signature = new io.jiesu.core.province.ProvinceSignature(PROVINCE_SECRET);
            flaky = new FlakyProvince(signature, 2);
            down = new FlakyProvince(signature, Integer.MAX_VALUE);
            RunningPipeline.flaky = flaky;
            RunningPipeline.down = down;
            Path root = Path.of(System.getProperty("jiesu.root", "../..")).toAbsolutePath().normalize();
            run = LocalRun.start(new LocalRun.Options(0, 0, MAX_RECEIVE_COUNT, 5, root, java.util.Map.of(
                    "jiesu.province.gd.secret", PROVINCE_SECRET, "jiesu.province.gd.callback-url", flaky.uri().toString(),
                    "jiesu.province.down.secret", PROVINCE_SECRET, "jiesu.province.down.callback-url", down.uri().toString(),
                    "jiesu.notify.first-retry", "PT1S", "jiesu.notify.longest-retry", "PT2S",
                    // the shared run never puts a learned model in force: the other tests route by the catalogue's keywords
                    "jiesu.routing.minimum-examples", "1000000")).startingAt(MONDAY_0900));
            System.out.printf("local run started in %d ms%n", run.startTime().toMillis());
        }

        /**
         * From the first month to today, months on, as if the run had been left off in between ({@link
         * LocalRun#moveOnTo}: the digests resume from today). Fails if many schedules fired on arrival: the digests of
         * every day passed were sent after all.
         */
        synchronized void moveOnToToday() {
            if (movedOn) {
                return;
            }
            long before = run.occurrencesFired();
            run.moveOnTo(Instant.now());
            movedOn = true;
            try {
                Thread.sleep(200); // past TravelClock's re-read: the api and stage processes read today too before anything fires
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            run.fireDueSchedules(); // all that is due, if the stand-in's ticker has not fired it already
            long fired = run.occurrencesFired() - before; // hundreds if the digests of the months passed went out
            if (fired > 20) {
                throw new IllegalStateException("moving the shared run on to today fired " + fired
                        + " schedule occurrences on arrival: the digests' schedules were not paused on the way");
            }
        }

        @Override
        public void close() {
            run.close();
            flaky.close();
            down.close();
        }
    }
}
