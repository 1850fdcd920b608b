package io.jiesu.localcloud.scheduler;

import com.sun.net.httpserver.HttpServer;
import io.jiesu.localcloud.LoopbackHttpServer;
import io.jiesu.localcloud.DaemonThreads;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Local stand-in for Amazon EventBridge Scheduler: the REST-JSON API the AWS SDK v2 {@code SchedulerClient} speaks
 * (point it here with {@code endpointOverride(endpoint())}), and the firing of due schedules into SQS (ElasticMQ).
 *
 * <h2>API</h2>
 * CreateSchedule, UpdateSchedule, GetSchedule, DeleteSchedule, ListSchedules, CreateScheduleGroup, GetScheduleGroup,
 * DeleteScheduleGroup, ListScheduleGroups, on the URIs, member locations and JSON names of the service model
 * ({@code scheduler-2021-06-30}). The group {@code default} always exists. Errors are the modeled ones: status,
 * {@code x-amzn-ErrorType} and {@code {"Message": ...}}, so the SDK raises {@code ValidationException} (400),
 * {@code ResourceNotFoundException} (404) and {@code ConflictException} (409). Create is idempotent per
 * {@code ClientToken} (the SDK fills in a fresh one per call, reused by its retries). UpdateSchedule replaces the whole
 * definition, as in AWS: fields left out go back to their defaults.
 *
 * <h2>Time</h2>
 * All time comes from the {@link Clock} given to {@link #start}; tests pass a {@link MovableClock}. Expressions:
 * <ul>
 *   <li>{@code at(yyyy-mm-ddThh:mm:ss)} in {@code ScheduleExpressionTimezone} (default UTC): one occurrence; StartDate
 *       and EndDate are ignored. An instant already past when the schedule is created or updated fires at the next
 *       {@link #fireDue()} (not refused).</li>
 *   <li>{@code rate(n minute|minutes|hour|hours|day|days)}: occurrences at the anchor and every period after it,
 *       where the anchor is StartDate or, without one, the time of the create/update (AWS: "starts invoking the
 *       target immediately"). A day is 24 hours.</li>
 *   <li>{@code cron(...)}: see {@link CronExpression}; occurrences at or after StartDate, or after the create/update.
 *   </li>
 * </ul>
 * Recurring schedules stop before EndDate. StartDate more than 5 minutes in the past is refused, as AWS does.
 *
 * <h2>Firing</h2>
 * {@link #fireDue()} fires, in time order across all schedules, every occurrence of an ENABLED schedule that is at or
 * before the clock's instant. Each occurrence fires exactly once. <b>Catch-up:</b> if the clock moved past several
 * occurrences of a rate or cron schedule since the last call (a test jumping ahead, or the machine sleeping while
 * {@link #startTicking ticking}), each missed occurrence fires once, oldest first; none is dropped or merged. (AWS
 * does not miss occurrences in the first place; a consumer sees the same sequence, only later.) A fired {@code at()}
 * schedule with ActionAfterCompletion DELETE is deleted; with NONE it stays, with no further occurrence. A recurring
 * schedule with DELETE is deleted once it has no occurrence left before its EndDate. FLEXIBLE time windows fire at
 * the nominal time. A DISABLED schedule does not fire; re-enabling it (UpdateSchedule) starts again from that moment.
 *
 * <p>Targets are SQS queues ({@code arn:aws:sqs:<region>:<account>:<queue>}): the queue URL is looked up by name
 * (GetQueueUrl) through the given client and {@code Target.Input} is sent as the message body ({@code {}} without
 * Input), with {@code SqsParameters.MessageGroupId} for FIFO queues. The context attributes
 * {@code <aws.scheduler.schedule-arn>}, {@code <aws.scheduler.scheduled-time>} (e.g. {@code 2022-03-22T18:59:43Z}),
 * {@code <aws.scheduler.execution-id>} and {@code <aws.scheduler.attempt-number>} in Input are replaced as AWS does.
 * A failed delivery is not retried (RetryPolicy is stored, not applied); it goes to
 * {@code Target.DeadLetterConfig.Arn} if set, with {@code ERROR_CODE}, {@code ERROR_MESSAGE}, {@code SCHEDULE_ARN} and
 * {@code TARGET_ARN} message attributes, and is logged.
 *
 * <p>Chaos runs can make the stand-in lose a share of its firings ({@link #dropFirings}), as a firing the service never
 * delivered.
 *
 * <h2>Where each part lives</h2>
 * {@link SchedulerApi} (HTTP, routing, errors) with {@link ScheduleOperations}, {@link GroupOperations} and
 * {@link DefinitionReader} (request checks); {@link ScheduleStore} (groups, schedules, the clock); {@link ScheduleFiring}
 * (the due-occurrence loop, the ticker, dropped firings) with {@link SqsDelivery} (delivery and dead-lettering).
 *
 * <p>Not emulated: targets other than SQS (refused with ValidationException), tags, KMS encryption (KmsKeyArn is
 * only echoed), IAM (RoleArn is checked for its form only), quotas, throttling, retries, the DELETING state of groups
 * (deletion is immediate), random placement within FLEXIBLE windows, and the 60-second invocation jitter.
 */
public final class SchedulerServer implements AutoCloseable {

    /** The schedule group that always exists. */
    public static final String DEFAULT_GROUP = "default";

    private static final Logger LOG = Logger.getLogger(SchedulerServer.class.getName());

    private final ScheduleStore store;
    private final ScheduleFiring firing;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SchedulerServer(ScheduleStore store, ScheduleFiring firing, HttpServer server, ExecutorService handlers) {
        this.store = store;
        this.firing = firing;
        this.server = server;
        this.handlers = handlers;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Binds a new, empty scheduler (only the {@code default} group) on a free loopback port.
     *
     * @param clock where every "now" comes from: creation dates, anchors, and what {@link #fireDue()} finds due
     * @param sqs the client targets are delivered through; not closed by this server
     */
    public static SchedulerServer start(Clock clock, SqsClient sqs) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sqs, "sqs");
        HttpServer server;
        try {
            server = LoopbackHttpServer.create(0, 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the local EventBridge Scheduler", e);
        }
        int port = server.getAddress().getPort();
        ExecutorService handlers = Executors.newCachedThreadPool(DaemonThreads.named("scheduler-api-" + port));
        ScheduleStore store = new ScheduleStore(clock);
        SchedulerServer scheduler = new SchedulerServer(store, new ScheduleFiring(store, new SqsDelivery(sqs)), server,
                handlers);
        server.createContext("/", new SchedulerApi(store)::handle);
        server.setExecutor(handlers);
        server.start();
        LOG.info(() -> "local EventBridge Scheduler at " + scheduler.endpoint);
        return scheduler;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:43124}; use it as the SchedulerClient endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Calls {@link #fireDue()} every {@code every} on a daemon thread, starting now, until {@link #close()}; for runs
     * with the system clock. Failures are logged and the ticking goes on.
     */
    public void startTicking(Duration every) {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive, was " + every);
        }
        synchronized (this) {
            if (closed.get()) {
                throw new IllegalStateException("closed");
            }
            firing.startTicking(every, "scheduler-ticker-" + endpoint.getPort());
        }
    }

    /**
     * Fires every occurrence due at the clock's current instant, oldest first, each exactly once (see the class
     * comment for catch-up), and returns how many occurrences it fired (delivered or, on failure, dead-lettered).
     */
    public int fireDue() {
        return firing.fireDue();
    }

    /** Occurrences delivered to their target queue since start. */
    public long fired() {
        return firing.fired();
    }

    /**
     * Chaos runs: from now on, this share (0..1) of occurrences is lost between the scheduler and its target, as a
     * firing the service never delivered: the occurrence is used up (a one-time schedule with DELETE is gone) and
     * nothing arrives, not even at the dead-letter queue. Choices come from a seeded random; 0 stops it.
     */
    public void dropFirings(double share, long seed) {
        firing.dropFirings(share, seed);
    }

    /** Occurrences dropped by {@link #dropFirings}. */
    public long dropped() {
        return firing.dropped();
    }

    /** Occurrences whose delivery failed (sent to the dead-letter queue if one was configured). */
    public long failedDeliveries() {
        return firing.failedDeliveries();
    }

    /** How many schedules the group holds now; 0 for a group that does not exist. */
    public int scheduleCount(String group) {
        return store.count(group);
    }

    /** Stops ticking and the HTTP server; schedules are gone with it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            firing.stopTicking();
        }
        server.stop(0);
        handlers.shutdownNow();
    }
}
