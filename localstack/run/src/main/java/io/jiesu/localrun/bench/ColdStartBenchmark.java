package io.jiesu.localrun.bench;

import io.jiesu.aws.resources.QueueName;
import io.jiesu.localrun.ColdStart;
import io.jiesu.localrun.LocalRun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cold starts (not a test): a fresh api process to its first answered request (GET /v1/catalogue with a token),
 * and a fresh dispatch stage process to its first handled SQS message (read the ticket, find it dispatched, done),
 * beside a running local run; median of several runs, as the local run starts them (-XX:TieredStopAtLevel=1,
 * serial GC, 256 MB heap) and again from the class-data sharing archives (AppCDS) the run starts its own from.
 * <pre>bash localstack/bench.sh cold-start [--runs 5]</pre>
 */
public final class ColdStartBenchmark {
    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Args.number(args, "--runs", 5);
        Path root = io.jiesu.localrun.Main.findRoot();
        try (LocalRun run = LocalRun.start(new LocalRun.Options(0, 0, 5, 30, root, Map.of()))) {
            PipelineClient client = new PipelineClient(run, Duration.ofMinutes(1));
            String id = client.file(null, "暖气不热");
            client.await(id, "dispatched");
            String message = "{\"ticketId\":\"" + id + "\",\"version\":1}";
            // the archives the run recorded for itself (ClassDataArchives), none beside a Java agent
            List<String> apiArchive = run.apiJvmOptions();
            List<String> stageArchive = run.stageJvmOptions();
            System.out.printf("Cold start, median of %d runs (min – max), %d cores shared with the running local cloud%n", runs,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  %-44s %s%n", "api → first answered request", stats(runs, () -> ColdStart.api(run, "cold-start-api", List.of())));
            if (!apiArchive.isEmpty()) {
                System.out.printf("  %-44s %s%n", "api, with AppCDS", stats(runs, () -> ColdStart.api(run, "cold-start-api", apiArchive)));
            }
            System.out.printf("  %-44s %s%n", "dispatch stage → first handled message",
                    stats(runs, () -> ColdStart.stage(run, "cold-start-dispatch", QueueName.DISPATCH.function(), message, List.of())));
            if (!stageArchive.isEmpty()) {
                System.out.printf("  %-44s %s%n", "dispatch stage, with AppCDS", stats(runs,
                        () -> ColdStart.stage(run, "cold-start-dispatch", QueueName.DISPATCH.function(), message, stageArchive)));
            }
        }
        System.exit(0);
    }

    interface Start {
        Duration once() throws Exception;
    }

    private static String stats(int runs, Start start) throws Exception {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ms.add(start.once().toMillis());
        }
        ms.sort(null);
        return "%5d ms  (%d – %d)".formatted(ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1));
    }
}
