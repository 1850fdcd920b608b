package io.jiesu.localrun;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Starts the local run once for the whole test JVM (api and stage processes, emulators) and stops it when
 * JUnit finishes. Queues redrive fast here: 3 receives, 5-second visibility.
 */
public class RunningPipeline implements BeforeAllCallback, ParameterResolver {
    static final int MAX_RECEIVE_COUNT = 3;

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

    static final class Holder implements ExtensionContext.Store.CloseableResource {
        final LocalRun run;

        Holder() {
            Path root = Path.of(System.getProperty("jiesu.root", "../..")).toAbsolutePath().normalize();
            run = LocalRun.start(new LocalRun.Options(0, 0, MAX_RECEIVE_COUNT, 5, root, java.util.Map.of()));
            System.out.printf("local run started in %d ms%n", run.startTime().toMillis());
        }

        @Override
        public void close() {
            run.close();
        }
    }
}
