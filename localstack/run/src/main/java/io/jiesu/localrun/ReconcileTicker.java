package io.jiesu.localrun;

import io.jiesu.aws.timers.TimerReconciler;
import io.jiesu.localcloud.DaemonThreads;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the timer reconciler's schedule: AWS invokes ReconcileFunction on its rate; here a ticker puts a run
 * on the reconciler's local queue at that rate. It keeps real time, not the run's clock: a clock travelling days
 * ahead would otherwise owe hundreds of runs at once. The run's clock only dates each run.
 */
final class ReconcileTicker implements AutoCloseable {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reconcile-ticker"));
    private ScheduledFuture<?> runs;

    ReconcileTicker(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /** Puts a run on the queue this often from now on (chaos runs make it frequent). */
    synchronized void every(Duration every) {
        if (runs != null) {
            runs.cancel(false);
        }
        runs = ticker.scheduleWithFixedDelay(this::putRun, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void putRun() {
        try {
            // one run at a time: none is put on while one waits or runs
            var counts = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            if (counts.values().stream().allMatch("0"::equals)) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(runMessage(clock)));
            }
        } catch (RuntimeException e) {
            // the emulator is stopping, or busy: the next tick tries again
        }
    }

    /** A run's message, as the schedule puts it on at the clock's now. */
    static String runMessage(Clock clock) {
        return TimerReconciler.Run.INPUT.replace("<aws.scheduler.scheduled-time>",
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** A scheduler rate expression, rate(5 minutes), as a duration. */
    static Duration rate(String expression) {
        Matcher m = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours)\\)").matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a rate in minutes or hours: " + expression);
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).startsWith("minute") ? Duration.ofMinutes(n) : Duration.ofHours(n);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
