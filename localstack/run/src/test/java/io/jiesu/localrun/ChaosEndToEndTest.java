package io.jiesu.localrun;

import io.jiesu.localrun.bench.ChaosRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The chaos run, small: twenty-four full lives while SQS sends fail or go twice, DynamoDB calls fail before or
 * after they are done, and a stage process on the lives' path is killed mid-batch and restarted, up to four times (the
 * next kill three seconds after the restarted process took its first batch). Nothing may be lost, nothing
 * applied twice, and the counters must equal a recount from the histories. Then four tickets are left unsigned
 * and the clock travels through all their deadlines (twenty) while the scheduler drops a share of its firings:
 * every deadline must still act exactly once, never early.
 * <p>
 * A run of its own: the faults are injected between the processes and the emulators of that run. Twenty-four
 * lives, not the thousands of {@code bash localstack/bench.sh chaos}: enough for every kind of fault to strike
 * and for stage processes to be killed several times mid-batch; the same checks as the benchmark. The summary
 * it prints says how long each phase took.
 */
class ChaosEndToEndTest {
    /**
     * Twenty-four lives by eight clients; three seconds after the last restarted stage took its first batch the next
     * one is killed mid-batch, four times at most (each kill stalls its stage for a JVM start); four tickets left
     * unsigned for the deadline part, five deadlines each.
     */
    private static final ChaosRun.Size SIZE = new ChaosRun.Size(24, 8, Duration.ofSeconds(3), 4, 4);

    @Test
    void livesThroughInjectedFaultsLoseNothingAndChangeNothingTwice() throws Exception {
        Path root = Path.of(System.getProperty("jiesu.root", "../..")).toAbsolutePath().normalize();
        long seed = 7;
        try (LocalRun run = LocalRun.start(new LocalRun.Options(0, 0, 5, 5, root, Map.of()).withChaos(ChaosRun.faults(seed)))) {
            ChaosRun.Report report = ChaosRun.drive(run, SIZE, seed);
            System.out.print(report.summary());
            assertTrue(report.kills() >= 2, "stage processes were killed: " + report.kills());
            assertTrue(report.injected().keySet().stream().anyMatch(k -> k.startsWith("duplicate AmazonSQS")), "messages went twice");
            assertTrue(report.injected().keySet().stream().anyMatch(k -> k.startsWith("fail-after DynamoDB")), "writes failed after they were done");
            assertEquals(Map.of(), report.notClosed(), "every ticket closed");
            assertEquals(SIZE.lives(), report.closed());
            assertEquals(java.util.List.of(), report.appliedTwice());
            assertEquals(report.recounted(), report.counted(), "counters equal the recount");
            // then tickets left unsigned climb their whole ladder while the scheduler drops a share of its firings
            ChaosRun.Deadlines deadlines = report.deadlines();
            assertEquals(java.util.List.of(), deadlines.problems(), "every deadline of every ticket fires exactly once");
            assertEquals(5 * deadlines.tickets(), deadlines.fired(),
                    "sign overdue, reminder, reply overdue and two escalations for each ticket left unsigned");
            assertTrue(deadlines.dropped() > 0, "the scheduler dropped firings: " + deadlines.dropped());
        }
    }
}
