package io.jiesu.localrun;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Starts the local run once for the whole test JVM (api and stage processes, emulators) and stops it when
 * JUnit finishes. Queues redrive fast here: 3 receives, 5-second visibility. Besides the demo province the run knows
 * two more for ProvinceEndToEndTest: "gd", whose endpoint fails its first two posts, and "down", which never answers;
 * notices are retried after 1 to 2 seconds instead of minutes.
 */
public class RunningPipeline implements BeforeAllCallback, ParameterResolver {
    static final int MAX_RECEIVE_COUNT = 3;
    static final String PROVINCE_SECRET = "flaky-province-secret-0123";

    @Override
    public void beforeAll(ExtensionContext context) {
        run(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return new Api(run(e));
    }

    static LocalRun run(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("jiesu-local-run", k -> new Holder(), Holder.class).run;
    }

    /** The shared run's province "gd" (fails its first two posts) and "down" (never answers), once it started. */
    static FlakyProvince flaky;
    static FlakyProvince down;

    static final class Holder implements ExtensionContext.Store.CloseableResource {
        final LocalRun run;
        final FlakyProvince flaky;
        final FlakyProvince down;

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
                    "jiesu.routing.minimum-examples", "1000000")));
            System.out.printf("local run started in %d ms%n", run.startTime().toMillis());
        }

        @Override
        public void close() {
            run.close();
            flaky.close();
            down.close();
        }
    }
}
