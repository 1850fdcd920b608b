package io.jiesu.localcloud.scheduler;

import io.jiesu.localcloud.DaemonThreads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jiesu.localcloud.LocalAws;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

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
 * <p>Not emulated: targets other than SQS (refused with ValidationException), tags, KMS encryption (KmsKeyArn is
 * only echoed), IAM (RoleArn is checked for its form only), quotas, throttling, retries, the DELETING state of groups
 * (deletion is immediate), random placement within FLEXIBLE windows, and the 60-second invocation jitter.
 */
public final class SchedulerServer implements AutoCloseable {

    /** The schedule group that always exists. */
    public static final String DEFAULT_GROUP = "default";

    private static final Logger LOG = Logger.getLogger(SchedulerServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z_.-]{1,64}");
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern SQS_ARN =
            Pattern.compile("arn:aws(-[a-z]+)?:sqs:([a-z0-9-]+):(\\d{12}):([a-zA-Z0-9_.-]+)");
    private static final Pattern DLQ_ARN = Pattern.compile("arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\\d{12}:[a-zA-Z0-9_-]+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)?:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern KMS_ARN =
            Pattern.compile("arn:aws(-[a-z]+)?:kms:[a-z0-9-]+:\\d{12}:(key|alias)/[0-9a-zA-Z_-]*");
    private static final Duration START_DATE_TOLERANCE = Duration.ofMinutes(5);
    private static final int DEFAULT_MAX_RESULTS = 100;
    private static final int DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 86_400;
    private static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 185;
    private static final Set<String> TEMPLATED_PARAMETERS = Set.of("EcsParameters", "EventBridgeParameters",
            "KinesisParameters", "SageMakerPipelineParameters");

    private final Clock clock;
    private final SqsClient sqs;
    private final String region;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final URI endpoint;

    /** Guards {@link #groups} and {@link #schedules}; held only for bookkeeping, never while calling SQS. */
    private final Object lock = new Object();
    private final Map<String, Group> groups = new TreeMap<>();
    private final TreeMap<Key, Schedule> schedules = new TreeMap<>();

    /** Serializes {@link #fireDue()} so occurrences are delivered in order and once. */
    private final Object firing = new Object();
    private final AtomicLong fired = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile double dropShare;
    private final java.util.Random dropRandom = new java.util.Random(0);
    private final AtomicBoolean closed = new AtomicBoolean();
    private ScheduledExecutorService ticker;

    private SchedulerServer(Clock clock, SqsClient sqs, HttpServer server, ExecutorService handlers) {
        this.clock = clock;
        this.sqs = sqs;
        this.region = LocalAws.REGION.id();
        this.server = server;
        this.handlers = handlers;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Instant now = now();
        groups.put(DEFAULT_GROUP, new Group(DEFAULT_GROUP, groupArn(DEFAULT_GROUP), now, null));
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
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the local EventBridge Scheduler", e);
        }
        int port = server.getAddress().getPort();
        ExecutorService handlers = Executors.newCachedThreadPool(DaemonThreads.named("scheduler-api-" + port));
        SchedulerServer scheduler = new SchedulerServer(clock, sqs, server, handlers);
        server.createContext("/", scheduler::handle);
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
            if (ticker != null) {
                throw new IllegalStateException("already ticking");
            }
            ticker = Executors.newSingleThreadScheduledExecutor(
                    DaemonThreads.named("scheduler-ticker-" + endpoint.getPort()));
            ticker.scheduleWithFixedDelay(() -> {
                try {
                    fireDue();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "firing due schedules failed", e);
                }
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Fires every occurrence due at the clock's current instant, oldest first, each exactly once (see the class
     * comment for catch-up), and returns how many occurrences it fired (delivered or, on failure, dead-lettered).
     */
    public int fireDue() {
        synchronized (firing) {
            Instant now = now();
            int count = 0;
            Firing next;
            while ((next = takeNextDue(now)) != null) {
                deliver(next);
                count++;
            }
            deleteCompleted(now);
            return count;
        }
    }

    /** Occurrences delivered to their target queue since start. */
    public long fired() {
        return fired.get();
    }

    /**
     * Chaos runs: from now on, this share (0..1) of occurrences is lost between the scheduler and its target, as a
     * firing the service never delivered: the occurrence is used up (a one-time schedule with DELETE is gone) and
     * nothing arrives, not even at the dead-letter queue. Choices come from a seeded random; 0 stops it.
     */
    public void dropFirings(double share, long seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be 0..1, was " + share);
        }
        synchronized (dropRandom) {
            dropRandom.setSeed(seed);
        }
        dropShare = share;
    }

    /** Occurrences dropped by {@link #dropFirings}. */
    public long dropped() {
        return dropped.get();
    }

    /** Occurrences whose delivery failed (sent to the dead-letter queue if one was configured). */
    public long failedDeliveries() {
        return failedDeliveries.get();
    }

    /** How many schedules the group holds now; 0 for a group that does not exist. */
    public int scheduleCount(String group) {
        synchronized (lock) {
            return (int) schedules.keySet().stream().filter(k -> k.group.equals(group)).count();
        }
    }

    /** Stops ticking and the HTTP server; schedules are gone with it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
        server.stop(0);
        handlers.shutdownNow();
    }

    // ---- firing ------------------------------------------------------------------------------------------------

    /** Takes the earliest due occurrence and moves its schedule on (or deletes it); null if nothing is due. */
    private Firing takeNextDue(Instant now) {
        synchronized (lock) {
            Schedule due = null;
            for (Schedule s : schedules.values()) {
                if (s.enabled() && s.nextFire != null && !s.nextFire.isAfter(now)
                        && (due == null || s.nextFire.isBefore(due.nextFire))) {
                    due = s; // ties: the first in (group, name) order, as values() iterates
                }
            }
            if (due == null) {
                return null;
            }
            Instant occurrence = due.nextFire;
            due.nextFire = due.following(occurrence).orElse(null);
            if (due.nextFire == null && due.def.deleteAfterCompletion()) {
                schedules.remove(due.key);
            }
            return new Firing(due, occurrence);
        }
    }

    /** Deletes recurring schedules with ActionAfterCompletion DELETE whose EndDate has passed unfired. */
    private void deleteCompleted(Instant now) {
        synchronized (lock) {
            schedules.values().removeIf(s -> s.def.deleteAfterCompletion() && !s.def.expression.oneTime()
                    && s.nextFire == null && s.def.endDate != null && !s.def.endDate.isAfter(now));
        }
    }

    private void deliver(Firing f) {
        Definition def = f.schedule.def;
        String body = contextAttributes(def.input() == null ? "{}" : def.input(), f);
        if (dropShare > 0) {
            double roll;
            synchronized (dropRandom) {
                roll = dropRandom.nextDouble();
            }
            if (roll < dropShare) {
                // a chaos fault: the occurrence counts as fired (a one-time schedule is gone) but nothing arrives
                dropped.incrementAndGet();
                LOG.fine(() -> "dropped " + f.schedule.arn + " for " + f.occurrence + " (chaos)");
                return;
            }
        }
        try {
            Matcher arn = SQS_ARN.matcher(def.targetArn());
            if (!arn.matches()) {
                throw new IllegalStateException("not an SQS queue ARN: " + def.targetArn());
            }
            send(arn.group(4), body, def.messageGroupId(), Map.of());
            fired.incrementAndGet();
            LOG.fine(() -> "fired " + f.schedule.arn + " for " + f.occurrence);
        } catch (RuntimeException e) {
            failedDeliveries.incrementAndGet();
            String dlq = def.deadLetterArn();
            LOG.warning(() -> "could not deliver " + f.schedule.arn + " (occurrence " + f.occurrence + ") to "
                    + def.targetArn() + (dlq == null ? "; dropped: " : "; sending it to " + dlq + ": ") + e);
            if (dlq != null) {
                deadLetter(dlq, body, f, e);
            }
        }
    }

    private void deadLetter(String dlqArn, String body, Firing f, RuntimeException cause) {
        Matcher arn = SQS_ARN.matcher(dlqArn);
        if (!arn.matches()) {
            return;
        }
        String message = String.valueOf(cause.getMessage());
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("ERROR_CODE", stringAttribute(cause.getClass().getSimpleName()));
        attributes.put("ERROR_MESSAGE", stringAttribute(message.length() > 256 ? message.substring(0, 256) : message));
        attributes.put("SCHEDULE_ARN", stringAttribute(f.schedule.arn));
        attributes.put("TARGET_ARN", stringAttribute(f.schedule.def.targetArn()));
        try {
            send(arn.group(4), body, null, attributes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not dead-letter " + f.schedule.arn + " to " + dlqArn + "; dropped", e);
        }
    }

    private void send(String queueName, String body, String messageGroupId,
            Map<String, MessageAttributeValue> attributes) {
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body);
        if (messageGroupId != null) {
            request.messageGroupId(messageGroupId);
        }
        if (!attributes.isEmpty()) {
            request.messageAttributes(attributes);
        }
        sqs.sendMessage(request.build());
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /** Replaces the keywords AWS replaces in a target's input. */
    private static String contextAttributes(String input, Firing f) {
        if (!input.contains("<aws.scheduler.")) {
            return input;
        }
        return input
                .replace("<aws.scheduler.schedule-arn>", f.schedule.arn)
                .replace("<aws.scheduler.scheduled-time>",
                        DateTimeFormatter.ISO_INSTANT.format(f.occurrence.truncatedTo(ChronoUnit.SECONDS)))
                .replace("<aws.scheduler.execution-id>",
                        Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE))
                .replace("<aws.scheduler.attempt-number>", "1");
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                ObjectNode response = route(method, segments(path), query(exchange.getRequestURI().getRawQuery()),
                        body);
                reply(exchange, 200, response);
            } catch (ApiException e) {
                LOG.fine(() -> method + " " + path + " -> " + e.type + ": " + e.getMessage());
                exchange.getResponseHeaders().set("x-amzn-ErrorType", e.type);
                reply(exchange, e.status, JSON.createObjectNode().put("Message", e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, method + " " + path + " failed", e);
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalServerException");
                reply(exchange, 500, JSON.createObjectNode().put("Message", String.valueOf(e)));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not answer a scheduler request", e);
        }
    }

    private ObjectNode route(String method, List<String> path, Map<String, String> query, byte[] body) {
        if (path.size() == 1 && path.get(0).equals("schedules") && method.equals("GET")) {
            return listSchedules(query);
        }
        if (path.size() == 2 && path.get(0).equals("schedules")) {
            String name = path.get(1);
            switch (method) {
                case "POST":
                    return createSchedule(name, object(body));
                case "PUT":
                    return updateSchedule(name, object(body));
                case "GET":
                    return getSchedule(name, query.get("groupName"));
                case "DELETE":
                    return deleteSchedule(name, query.get("groupName"));
                default:
                    break;
            }
        }
        if (path.size() == 1 && path.get(0).equals("schedule-groups") && method.equals("GET")) {
            return listScheduleGroups(query);
        }
        if (path.size() == 2 && path.get(0).equals("schedule-groups")) {
            String name = path.get(1);
            switch (method) {
                case "POST":
                    return createScheduleGroup(name, object(body));
                case "GET":
                    return getScheduleGroup(name);
                case "DELETE":
                    return deleteScheduleGroup(name);
                default:
                    break;
            }
        }
        throw ApiException.unknownOperation(method, "/" + String.join("/", path));
    }

    // ---- schedules ---------------------------------------------------------------------------------------------

    private ObjectNode createSchedule(String name, ObjectNode body) {
        Instant now = now();
        Definition def = definition(name, body, now);
        String token = clientToken(body);
        synchronized (lock) {
            requireGroup(def.group);
            Key key = new Key(def.group, name);
            Schedule existing = schedules.get(key);
            if (existing != null) {
                if (token != null && token.equals(existing.clientToken)) {
                    return JSON.createObjectNode().put("ScheduleArn", existing.arn); // a retry of the same create
                }
                throw ApiException.conflict("Schedule " + name + " already exists.");
            }
            Schedule schedule = new Schedule(key, scheduleArn(def.group, name), def, now, now, token);
            schedules.put(key, schedule);
            return JSON.createObjectNode().put("ScheduleArn", schedule.arn);
        }
    }

    private ObjectNode updateSchedule(String name, ObjectNode body) {
        Instant now = now();
        Definition def = definition(name, body, now);
        synchronized (lock) {
            requireGroup(def.group);
            Key key = new Key(def.group, name);
            Schedule existing = schedules.get(key);
            if (existing == null) {
                throw scheduleNotFound(name);
            }
            Schedule schedule = new Schedule(key, existing.arn, def, existing.creationDate, now, existing.clientToken);
            schedules.put(key, schedule);
            return JSON.createObjectNode().put("ScheduleArn", schedule.arn);
        }
    }

    private ObjectNode getSchedule(String name, String groupName) {
        String group = groupOrDefault(groupName);
        requireName(name, "Name");
        synchronized (lock) {
            requireGroup(group);
            Schedule s = schedules.get(new Key(group, name));
            if (s == null) {
                throw scheduleNotFound(name);
            }
            return describe(s);
        }
    }

    private ObjectNode deleteSchedule(String name, String groupName) {
        String group = groupOrDefault(groupName);
        requireName(name, "Name");
        synchronized (lock) {
            requireGroup(group);
            if (schedules.remove(new Key(group, name)) == null) {
                throw scheduleNotFound(name);
            }
            return JSON.createObjectNode();
        }
    }

    private ObjectNode listSchedules(Map<String, String> query) {
        String group = query.get("ScheduleGroup");
        if (group != null) {
            requireName(group, "GroupName");
        }
        String prefix = query.get("NamePrefix");
        if (prefix != null) {
            requireName(prefix, "NamePrefix");
        }
        String state = query.get("State");
        if (state != null && !state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw ApiException.validation("State must be ENABLED or DISABLED, was " + state);
        }
        int maxResults = maxResults(query.get("MaxResults"));
        Key after = null;
        String token = query.get("NextToken");
        if (token != null) {
            String[] parts = decodeToken(token).split("\u0000", -1);
            if (parts.length != 2) {
                throw ApiException.validation("Invalid NextToken");
            }
            after = new Key(parts[0], parts[1]);
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("Schedules");
        synchronized (lock) {
            if (group != null) {
                requireGroup(group);
            }
            Map<Key, Schedule> candidates = after == null ? schedules : schedules.tailMap(after, false);
            Key last = null;
            for (Schedule s : candidates.values()) {
                if ((group != null && !s.key.group.equals(group))
                        || (prefix != null && !s.key.name.startsWith(prefix))
                        || (state != null && !s.def.state.equals(state))) {
                    continue;
                }
                if (list.size() == maxResults) {
                    response.put("NextToken", encodeToken(last.group + "\u0000" + last.name));
                    break;
                }
                ObjectNode summary = list.addObject();
                summary.put("Arn", s.arn);
                putTime(summary, "CreationDate", s.creationDate);
                summary.put("GroupName", s.key.group);
                putTime(summary, "LastModificationDate", s.lastModificationDate);
                summary.put("Name", s.key.name);
                summary.put("State", s.def.state);
                summary.putObject("Target").put("Arn", s.def.targetArn());
                last = s.key;
            }
        }
        return response;
    }

    private ObjectNode describe(Schedule s) {
        Definition def = s.def;
        ObjectNode o = JSON.createObjectNode();
        o.put("ActionAfterCompletion", def.actionAfterCompletion);
        o.put("Arn", s.arn);
        putTime(o, "CreationDate", s.creationDate);
        if (def.description != null) {
            o.put("Description", def.description);
        }
        if (def.endDate != null) {
            putTime(o, "EndDate", def.endDate);
        }
        o.set("FlexibleTimeWindow", def.flexibleTimeWindow.deepCopy());
        o.put("GroupName", s.key.group);
        if (def.kmsKeyArn != null) {
            o.put("KmsKeyArn", def.kmsKeyArn);
        }
        putTime(o, "LastModificationDate", s.lastModificationDate);
        o.put("Name", s.key.name);
        o.put("ScheduleExpression", def.expressionText);
        if (def.timezone != null) {
            o.put("ScheduleExpressionTimezone", def.timezone);
        }
        if (def.startDate != null) {
            putTime(o, "StartDate", def.startDate);
        }
        o.put("State", def.state);
        o.set("Target", def.target.deepCopy());
        return o;
    }

    /** Reads and checks a CreateSchedule/UpdateSchedule body. */
    private Definition definition(String name, ObjectNode body, Instant now) {
        requireName(name, "Name");
        String group = groupOrDefault(optionalText(body, "GroupName"));

        String expressionText = requiredText(body, "ScheduleExpression");
        String timezone = optionalText(body, "ScheduleExpressionTimezone");
        ZoneId zone = ZoneOffset.UTC;
        if (timezone != null) {
            if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
                throw ApiException.validation("Invalid ScheduleExpressionTimezone " + timezone
                        + ": not an IANA time zone");
            }
            zone = ZoneId.of(timezone);
        }
        ScheduleExpression expression;
        try {
            expression = ScheduleExpression.parse(expressionText, zone);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }

        Instant startDate = optionalTime(body, "StartDate");
        Instant endDate = optionalTime(body, "EndDate");
        if (!expression.oneTime()) {
            if (startDate != null && startDate.isBefore(now.minus(START_DATE_TOLERANCE))) {
                throw ApiException.validation("The StartDate you specify cannot be earlier than 5 minutes ago.");
            }
            if (startDate != null && endDate != null && !endDate.isAfter(startDate)) {
                throw ApiException.validation("The EndDate must be after the StartDate.");
            }
        }

        String state = enumText(body, "State", "ENABLED", "ENABLED", "DISABLED");
        String action = enumText(body, "ActionAfterCompletion", "NONE", "NONE", "DELETE");
        String description = optionalText(body, "Description");
        if (description != null && description.length() > 512) {
            throw ApiException.validation("Description is longer than 512 characters");
        }
        String kmsKeyArn = optionalText(body, "KmsKeyArn");
        if (kmsKeyArn != null && !KMS_ARN.matcher(kmsKeyArn).matches()) {
            throw ApiException.validation("Invalid KmsKeyArn " + kmsKeyArn);
        }
        ObjectNode window = flexibleTimeWindow(body);
        ObjectNode target = target(body);
        return new Definition(group, expressionText, timezone, expression, startDate, endDate, state, window, target,
                action, description, kmsKeyArn);
    }

    private static ObjectNode flexibleTimeWindow(ObjectNode body) {
        JsonNode node = body.get("FlexibleTimeWindow");
        if (node == null || node.isNull()) {
            throw ApiException.validation("FlexibleTimeWindow is required");
        }
        if (!node.isObject()) {
            throw ApiException.validation("FlexibleTimeWindow must be an object");
        }
        String mode = enumText((ObjectNode) node, "Mode", null, "OFF", "FLEXIBLE");
        if (mode == null) {
            throw ApiException.validation("FlexibleTimeWindow.Mode is required");
        }
        Integer window = optionalInt((ObjectNode) node, "MaximumWindowInMinutes", 1, 1440);
        ObjectNode copy = JSON.createObjectNode();
        if (mode.equals("FLEXIBLE")) {
            if (window == null) {
                throw ApiException.validation("MaximumWindowInMinutes is required when FlexibleTimeWindow.Mode is"
                        + " FLEXIBLE");
            }
            copy.put("MaximumWindowInMinutes", window);
        } else if (window != null) {
            throw ApiException.validation("MaximumWindowInMinutes must not be set when FlexibleTimeWindow.Mode is"
                    + " OFF");
        }
        copy.put("Mode", mode);
        return copy;
    }

    /** The target as stored and returned: as sent, with RetryPolicy defaults filled in as AWS reports them. */
    private static ObjectNode target(ObjectNode body) {
        JsonNode node = body.get("Target");
        if (node == null || node.isNull()) {
            throw ApiException.validation("Target is required");
        }
        if (!node.isObject()) {
            throw ApiException.validation("Target must be an object");
        }
        ObjectNode target = ((ObjectNode) node).deepCopy();
        String arn = optionalText(target, "Arn");
        if (arn == null) {
            throw ApiException.validation("Target.Arn is required");
        }
        if (!SQS_ARN.matcher(arn).matches()) {
            throw ApiException.validation("Target.Arn " + arn + " is not an SQS queue ARN; the local EventBridge"
                    + " Scheduler only delivers to SQS queues (arn:aws:sqs:<region>:<account>:<queue>)");
        }
        String role = optionalText(target, "RoleArn");
        if (role == null) {
            throw ApiException.validation("Target.RoleArn is required");
        }
        if (!ROLE_ARN.matcher(role).matches()) {
            throw ApiException.validation("Invalid Target.RoleArn " + role);
        }
        String input = optionalText(target, "Input");
        if (input != null && input.isEmpty()) {
            throw ApiException.validation("Target.Input must not be empty");
        }
        for (String parameters : TEMPLATED_PARAMETERS) {
            if (target.hasNonNull(parameters)) {
                throw ApiException.validation("Target." + parameters + " does not apply to an SQS target");
            }
        }
        JsonNode sqsParameters = target.get("SqsParameters");
        if (sqsParameters != null && !sqsParameters.isNull()) {
            if (!sqsParameters.isObject()) {
                throw ApiException.validation("Target.SqsParameters must be an object");
            }
            String groupId = optionalText((ObjectNode) sqsParameters, "MessageGroupId");
            if (groupId != null && (groupId.isEmpty() || groupId.length() > 128)) {
                throw ApiException.validation("Target.SqsParameters.MessageGroupId must be 1 to 128 characters");
            }
        }
        JsonNode deadLetter = target.get("DeadLetterConfig");
        if (deadLetter != null && !deadLetter.isNull()) {
            if (!deadLetter.isObject()) {
                throw ApiException.validation("Target.DeadLetterConfig must be an object");
            }
            String dlq = optionalText((ObjectNode) deadLetter, "Arn");
            if (dlq != null && !DLQ_ARN.matcher(dlq).matches()) {
                throw ApiException.validation("Invalid Target.DeadLetterConfig.Arn " + dlq);
            }
        }
        JsonNode retry = target.get("RetryPolicy");
        ObjectNode retryPolicy;
        if (retry == null || retry.isNull()) {
            retryPolicy = target.putObject("RetryPolicy");
        } else if (retry.isObject()) {
            retryPolicy = (ObjectNode) retry;
        } else {
            throw ApiException.validation("Target.RetryPolicy must be an object");
        }
        Integer age = optionalInt(retryPolicy, "MaximumEventAgeInSeconds", 60, 86_400);
        Integer attempts = optionalInt(retryPolicy, "MaximumRetryAttempts", 0, 185);
        retryPolicy.put("MaximumEventAgeInSeconds", age == null ? DEFAULT_MAXIMUM_EVENT_AGE_SECONDS : age);
        retryPolicy.put("MaximumRetryAttempts", attempts == null ? DEFAULT_MAXIMUM_RETRY_ATTEMPTS : attempts);
        return target;
    }

    // ---- schedule groups ---------------------------------------------------------------------------------------

    private ObjectNode createScheduleGroup(String name, ObjectNode body) {
        requireName(name, "Name");
        String token = clientToken(body);
        JsonNode tags = body.get("Tags");
        if (tags != null && !tags.isNull() && !tags.isArray()) {
            throw ApiException.validation("Tags must be a list");
        }
        synchronized (lock) {
            Group existing = groups.get(name);
            if (existing != null) {
                if (token != null && token.equals(existing.clientToken)) {
                    return JSON.createObjectNode().put("ScheduleGroupArn", existing.arn);
                }
                throw ApiException.conflict("Schedule group " + name + " already exists.");
            }
            Group group = new Group(name, groupArn(name), now(), token);
            groups.put(name, group);
            return JSON.createObjectNode().put("ScheduleGroupArn", group.arn);
        }
    }

    private ObjectNode getScheduleGroup(String name) {
        requireName(name, "Name");
        synchronized (lock) {
            return groupSummary(requireGroup(name), JSON.createObjectNode());
        }
    }

    private ObjectNode deleteScheduleGroup(String name) {
        requireName(name, "Name");
        if (name.equals(DEFAULT_GROUP)) {
            throw ApiException.validation("The default schedule group cannot be deleted.");
        }
        synchronized (lock) {
            requireGroup(name);
            groups.remove(name);
            schedules.keySet().removeIf(k -> k.group.equals(name)); // AWS deletes them asynchronously
            return JSON.createObjectNode();
        }
    }

    private ObjectNode listScheduleGroups(Map<String, String> query) {
        String prefix = query.get("NamePrefix");
        if (prefix != null) {
            requireName(prefix, "NamePrefix");
        }
        int maxResults = maxResults(query.get("MaxResults"));
        String after = query.get("NextToken") == null ? null : decodeToken(query.get("NextToken"));
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("ScheduleGroups");
        synchronized (lock) {
            String last = null;
            for (Group g : groups.values()) {
                if ((after != null && g.name.compareTo(after) <= 0)
                        || (prefix != null && !g.name.startsWith(prefix))) {
                    continue;
                }
                if (list.size() == maxResults) {
                    response.put("NextToken", encodeToken(last));
                    break;
                }
                groupSummary(g, list.addObject());
                last = g.name;
            }
        }
        return response;
    }

    private static ObjectNode groupSummary(Group g, ObjectNode o) {
        o.put("Arn", g.arn);
        putTime(o, "CreationDate", g.creationDate);
        putTime(o, "LastModificationDate", g.creationDate);
        o.put("Name", g.name);
        o.put("State", "ACTIVE");
        return o;
    }

    private Group requireGroup(String name) {
        Group group = groups.get(name);
        if (group == null) {
            throw ApiException.notFound("Schedule group " + name + " does not exist.");
        }
        return group;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String scheduleArn(String group, String name) {
        return "arn:aws:scheduler:" + region + ":" + LocalAws.ACCOUNT_ID + ":schedule/" + group + "/" + name;
    }

    private String groupArn(String name) {
        return "arn:aws:scheduler:" + region + ":" + LocalAws.ACCOUNT_ID + ":schedule-group/" + name;
    }

    private static ApiException scheduleNotFound(String name) {
        return ApiException.notFound("Schedule " + name + " does not exist.");
    }

    private static String groupOrDefault(String group) {
        if (group == null) {
            return DEFAULT_GROUP;
        }
        requireName(group, "GroupName");
        return group;
    }

    private static void requireName(String value, String member) {
        if (!NAME.matcher(value).matches()) {
            throw ApiException.validation(member + " '" + value + "' must be 1 to 64 characters of [0-9a-zA-Z-_.]");
        }
    }

    private static String clientToken(ObjectNode body) {
        String token = optionalText(body, "ClientToken");
        if (token != null && !CLIENT_TOKEN.matcher(token).matches()) {
            throw ApiException.validation("ClientToken must be 1 to 64 characters of [a-zA-Z0-9-_]");
        }
        return token;
    }

    private static int maxResults(String text) {
        if (text == null) {
            return DEFAULT_MAX_RESULTS;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.validation("MaxResults must be between 1 and 100, was " + text);
    }

    private static String encodeToken(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("Invalid NextToken");
        }
    }

    private static ObjectNode object(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiException.validation("The request body is not valid JSON: " + e.getMessage());
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw ApiException.validation("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String optionalText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation(field + " must be a string");
        }
        return value.asText();
    }

    private static String requiredText(ObjectNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isEmpty()) {
            throw ApiException.validation(field + " is required");
        }
        return value;
    }

    private static String enumText(ObjectNode node, String field, String absent, String... allowed) {
        String value = optionalText(node, field);
        if (value == null) {
            return absent;
        }
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw ApiException.validation(field + " must be one of " + String.join(", ", allowed) + ", was " + value);
    }

    private static Integer optionalInt(ObjectNode node, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min || value.intValue() > max) {
            throw ApiException.validation(field + " must be an integer from " + min + " to " + max + ", was " + value);
        }
        return value.intValue();
    }

    /** A timestamp member: epoch seconds (what the SDK sends in JSON bodies), or an ISO-8601 string. */
    private static Instant optionalTime(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return epochSeconds(value.decimalValue());
            }
            if (value.isTextual()) {
                String text = value.asText();
                try {
                    return epochSeconds(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
                }
            }
        } catch (ArithmeticException | DateTimeException e) {
            // refused below
        }
        throw ApiException.validation(field + " is not a valid timestamp: " + value);
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR)
                .longValueExact());
    }

    /** Timestamps go out as epoch seconds with milliseconds, the JSON form the SDK reads. */
    private static void putTime(ObjectNode node, String field, Instant instant) {
        node.put(field, BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** Schedules sort by group, then name: the order ListSchedules returns them in. */
    private static final class Key implements Comparable<Key> {
        final String group;
        final String name;

        Key(String group, String name) {
            this.group = group;
            this.name = name;
        }

        @Override
        public int compareTo(Key other) {
            int byGroup = group.compareTo(other.group);
            return byGroup != 0 ? byGroup : name.compareTo(other.name);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).group.equals(group) && ((Key) o).name.equals(name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(group, name);
        }
    }

    private static final class Group {
        final String name;
        final String arn;
        final Instant creationDate;
        final String clientToken;

        Group(String name, String arn, Instant creationDate, String clientToken) {
            this.name = name;
            this.arn = arn;
            this.creationDate = creationDate;
            this.clientToken = clientToken;
        }
    }

    /** What a create or update says, checked. */
    private static final class Definition {
        final String group;
        final String expressionText;
        final String timezone;
        final ScheduleExpression expression;
        final Instant startDate;
        final Instant endDate;
        final String state;
        final ObjectNode flexibleTimeWindow;
        final ObjectNode target;
        final String actionAfterCompletion;
        final String description;
        final String kmsKeyArn;

        Definition(String group, String expressionText, String timezone, ScheduleExpression expression,
                Instant startDate, Instant endDate, String state, ObjectNode flexibleTimeWindow, ObjectNode target,
                String actionAfterCompletion, String description, String kmsKeyArn) {
            this.group = group;
            this.expressionText = expressionText;
            this.timezone = timezone;
            this.expression = expression;
            this.startDate = startDate;
            this.endDate = endDate;
            this.state = state;
            this.flexibleTimeWindow = flexibleTimeWindow;
            this.target = target;
            this.actionAfterCompletion = actionAfterCompletion;
            this.description = description;
            this.kmsKeyArn = kmsKeyArn;
        }

        boolean deleteAfterCompletion() {
            return actionAfterCompletion.equals("DELETE");
        }

        String targetArn() {
            return target.get("Arn").asText();
        }

        String input() {
            JsonNode input = target.get("Input");
            return input == null || input.isNull() ? null : input.asText();
        }

        String messageGroupId() {
            JsonNode id = target.path("SqsParameters").get("MessageGroupId");
            return id == null || id.isNull() ? null : id.asText();
        }

        String deadLetterArn() {
            JsonNode arn = target.path("DeadLetterConfig").get("Arn");
            return arn == null || arn.isNull() ? null : arn.asText();
        }
    }

    private static final class Schedule {
        final Key key;
        final String arn;
        final Definition def;
        final Instant creationDate;
        final Instant lastModificationDate;
        final String clientToken;
        /** The next occurrence not yet fired; null when there is none. Guarded by the server's lock. */
        Instant nextFire;

        /** A schedule as created or updated at {@code modified}; its occurrences start from then. */
        Schedule(Key key, String arn, Definition def, Instant creationDate, Instant modified, String clientToken) {
            this.key = key;
            this.arn = arn;
            this.def = def;
            this.creationDate = creationDate;
            this.lastModificationDate = modified;
            this.clientToken = clientToken;
            Instant anchor = def.startDate != null && !def.expression.oneTime() ? def.startDate : modified;
            this.nextFire = withinEnd(def.expression.first(anchor)).orElse(null);
        }

        boolean enabled() {
            return def.state.equals("ENABLED");
        }

        Optional<Instant> following(Instant occurrence) {
            return withinEnd(def.expression.nextAfter(occurrence));
        }

        private Optional<Instant> withinEnd(Optional<Instant> occurrence) {
            if (def.expression.oneTime() || def.endDate == null) {
                return occurrence;
            }
            return occurrence.filter(o -> o.isBefore(def.endDate));
        }
    }

    private static final class Firing {
        final Schedule schedule;
        final Instant occurrence;

        Firing(Schedule schedule, Instant occurrence) {
            this.schedule = schedule;
            this.occurrence = occurrence;
        }
    }
}
