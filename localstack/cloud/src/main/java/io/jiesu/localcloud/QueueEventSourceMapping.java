package io.jiesu.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Local stand-in for an AWS Lambda SQS event source mapping together with the Lambda Runtime API, for one function.
 *
 * <p>The function runs as it does in AWS: a process with {@code AWS_LAMBDA_RUNTIME_API=}{@link #runtimeApiAddress()}
 * that loops on {@code GET /2018-06-01/runtime/invocation/next} and posts each result to
 * {@code .../invocation/{requestId}/response} (or {@code .../error}). Behind the API, a poller thread receives batches
 * from the queue, turns each into the SQS event JSON Lambda sends, hands it to a waiting {@code /next} caller, and on
 * the function's answer deletes the records that succeeded.
 *
 * <p>Semantics follow an event source mapping with {@code ReportBatchItemFailures} turned on:
 * <ul>
 *   <li>The response {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}} fails just those records; an
 *       empty, absent or {@code null} body or list means all succeeded. Every other record is deleted
 *       (DeleteMessageBatch).</li>
 *   <li>As in AWS, an unparseable response, or a failure entry whose {@code itemIdentifier} is missing, empty or not a
 *       message id of the batch, fails the whole batch; so do {@code /error} and the function timeout.</li>
 *   <li>Failed records are not touched: they become visible again when their visibility timeout expires, SQS redelivers
 *       them, and after {@code maxReceiveCount} receives the queue's redrive policy moves them to its dead-letter queue.
 *       So, as in AWS, the queue's visibility timeout should be at least the function timeout.</li>
 * </ul>
 *
 * <p>Messages are received only while a function process is waiting in {@code /next} (as Lambda polls only when it
 * has concurrency to run a batch), so with no function attached messages stay in the queue. Several processes may
 * poll the same address; each gets its own batches. Batch size is 1 to 10 (one ReceiveMessage; there is no batching
 * window). Unlike AWS, a function that times out is not killed: it is the caller's process; its late answer is refused.
 */
public final class QueueEventSourceMapping implements AutoCloseable {

    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final Duration DEFAULT_FUNCTION_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(QueueEventSourceMapping.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNTIME = "/2018-06-01/runtime";
    private static final String INVOCATION = RUNTIME + "/invocation/";
    /** Long-poll per ReceiveMessage: short enough that close() and a new /next caller are noticed quickly. */
    private static final int RECEIVE_WAIT_SECONDS = 1;
    /** How often blocked threads look up to see whether we are closing. */
    private static final long CHECK_MILLIS = 100;
    private static final byte[] STATUS_OK = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String functionName;
    private final int batchSize;
    private final Duration functionTimeout;
    private final String region;
    private final String eventSourceArn;
    private final String functionArn;

    /** One permit per {@code /next} caller that is waiting and not yet matched with a batch. */
    private final Semaphore waitingCallers = new Semaphore(0);
    /** Batches received for a waiting caller, not yet picked up. */
    private final BlockingQueue<Invocation> handoff = new LinkedBlockingQueue<>();
    /** Batches delivered to the function and not yet answered, by request id. */
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();

    private final AtomicLong batchesDelivered = new AtomicLong();
    private final AtomicLong recordsSucceeded = new AtomicLong();
    private final AtomicLong recordsFailed = new AtomicLong();

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean running;
    private HttpServer server;
    private ExecutorService handlers;
    private ScheduledExecutorService timeouts;
    private Thread poller;

    /** A mapping with the default batch size (10) and function timeout (60 s). */
    public QueueEventSourceMapping(SqsClient sqs, String queueUrl, String functionName) {
        this(sqs, queueUrl, functionName, DEFAULT_BATCH_SIZE, DEFAULT_FUNCTION_TIMEOUT);
    }

    /**
     * @param sqs client for the queue's endpoint; not closed by this mapping
     * @param queueUrl the queue to poll
     * @param functionName used in the function ARN and thread names
     * @param batchSize most records per event, 1 to 10
     * @param functionTimeout how long the function has, from {@code /next}, to answer a batch
     */
    public QueueEventSourceMapping(
            SqsClient sqs, String queueUrl, String functionName, int batchSize, Duration functionTimeout) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batchSize must be 1..10 (one ReceiveMessage), was " + batchSize);
        }
        if (functionTimeout.isNegative() || functionTimeout.isZero()) {
            throw new IllegalArgumentException("functionTimeout must be positive, was " + functionTimeout);
        }
        this.batchSize = batchSize;
        this.functionTimeout = functionTimeout;
        this.region = sqs.serviceClientConfiguration().region() != null
                ? sqs.serviceClientConfiguration().region().id()
                : LocalAws.REGION.id();
        this.eventSourceArn = "arn:aws:sqs:" + region + ":" + accountOf(queueUrl) + ":" + queueNameOf(queueUrl);
        this.functionArn = "arn:aws:lambda:" + region + ":" + LocalAws.ACCOUNT_ID + ":function:" + functionName;
    }

    /** Binds the Runtime API on a free loopback port and starts polling the queue. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        try {
            server = LoopbackHttpServer.create(0, 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the Lambda Runtime API", e);
        }
        // Unbounded pool: every /next caller parks a thread until a batch comes.
        handlers = Executors.newCachedThreadPool(DaemonThreads.named("lambda-runtime-api-" + functionName));
        timeouts = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lambda-timeout-" + functionName));
        server.createContext(RUNTIME + "/", this::handle);
        server.setExecutor(handlers);
        running = true;
        server.start();
        poller = DaemonThreads.named("sqs-poller-" + functionName).newThread(this::poll);
        poller.start();
        LOG.info(() -> "Lambda Runtime API for " + functionName + " at " + runtimeApiAddress() + ", polling "
                + queueUrl);
    }

    /** {@code host:port} for the function's {@code AWS_LAMBDA_RUNTIME_API}; available after {@link #start()}. */
    public String runtimeApiAddress() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The ARN put in every record's {@code eventSourceARN}. */
    public String eventSourceArn() {
        return eventSourceArn;
    }

    /** The ARN sent as {@code Lambda-Runtime-Invoked-Function-Arn}. */
    public String functionArn() {
        return functionArn;
    }

    /** Batches handed to the function via {@code /next}. */
    public long batchesDelivered() {
        return batchesDelivered.get();
    }

    /** Records the function reported as processed (and that were therefore deleted from the queue). */
    public long recordsSucceeded() {
        return recordsSucceeded.get();
    }

    /** Batches handed to the function and not answered yet (a chaos run kills a stage while it holds one). */
    public int batchesInFlight() {
        return inFlight.size();
    }

    /** Records left on the queue for redelivery: listed in batchItemFailures, or in a batch that failed whole. */
    public long recordsFailed() {
        return recordsFailed.get();
    }

    /**
     * Stops polling and the Runtime API. A {@code /next} caller still waiting gets its connection closed without an
     * answer; batches not answered yet are left alone and reappear after their visibility timeout.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(TimeUnit.SECONDS.toMillis(RECEIVE_WAIT_SECONDS + 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (server != null) {
            server.stop(0);
        }
        if (handlers != null) {
            handlers.shutdownNow();
        }
        if (timeouts != null) {
            timeouts.shutdownNow();
        }
    }

    // ---- poller ----------------------------------------------------------------------------------------------------

    private void poll() {
        while (running) {
            try {
                if (!waitingCallers.tryAcquire(CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(ReceiveMessageRequest.builder()
                        .queueUrl(queueUrl)
                        .maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(RECEIVE_WAIT_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")
                        .build()).messages();
            } catch (RuntimeException e) {
                waitingCallers.release();
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "ReceiveMessage from " + queueUrl + " failed; retrying", e);
                if (!pause(Duration.ofSeconds(1))) {
                    return;
                }
                continue;
            }
            if (messages.isEmpty()) {
                waitingCallers.release(); // the caller is still waiting
                continue;
            }
            handoff.add(new Invocation(UUID.randomUUID().toString(), messages, eventJson(messages)));
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** The event exactly as Lambda builds it for SQS, records in the order received. */
    private byte[] eventJson(List<Message> messages) {
        return sqsEvent(messages, eventSourceArn, region);
    }

    /**
     * The SQS event Lambda hands a function for these messages, as received from the queue {@code eventSourceArn}
     * (records in the order received); the stages' tests feed their functions with it.
     */
    public static byte[] sqsEvent(List<Message> messages, String eventSourceArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            systemAttributes(m).forEach(attributes::put);
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            new TreeMap<>(m.messageAttributes()).forEach((name, value) ->
                    messageAttributes.set(name, messageAttribute(value)));
            r.put("md5OfBody", m.md5OfBody());
            if (m.md5OfMessageAttributes() != null) {
                r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
            }
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", eventSourceArn);
            r.put("awsRegion", region);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** System attributes in Lambda's order: the four every record has, then whatever else SQS returned. */
    private static Map<String, String> systemAttributes(Message m) {
        Map<String, String> received = new TreeMap<>(m.attributesAsStrings());
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : List.of(
                "ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp")) {
            String value = received.remove(name);
            if (value != null) {
                ordered.put(name, value);
            }
        }
        // AWS always reports the sender; ElasticMQ may not.
        ordered.putIfAbsent("SenderId", LocalAws.ACCOUNT_ID);
        ordered.putAll(received);
        return ordered;
    }

    private static ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode a = JSON.createObjectNode();
        if (value.stringValue() != null) {
            a.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            a.put("binaryValue", value.binaryValue().asByteArray()); // Jackson writes byte[] as base64
        }
        ArrayNode strings = a.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = a.putArray("binaryListValues");
        for (SdkBytes b : value.binaryListValues()) {
            binaries.add(b.asByteArray());
        }
        a.put("dataType", value.dataType());
        return a;
    }

    // ---- Runtime API -----------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(method) && path.equals(INVOCATION + "next")) {
                next(exchange);
            } else if ("POST".equals(method) && path.equals(RUNTIME + "/init/error")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                LOG.severe(() -> functionName + " failed to initialise ("
                        + exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") + "): " + body);
                reply(exchange, 202, STATUS_OK);
            } else if ("POST".equals(method) && path.startsWith(INVOCATION) && path.endsWith("/response")) {
                answer(exchange, path.substring(INVOCATION.length(), path.length() - "/response".length()), false);
            } else if ("POST".equals(method) && path.startsWith(INVOCATION) && path.endsWith("/error")) {
                answer(exchange, path.substring(INVOCATION.length(), path.length() - "/error".length()), true);
            } else {
                reply(exchange, 404, error("NotFound", "no such Runtime API resource: " + method + " " + path));
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                LOG.log(Level.WARNING, "Runtime API request failed", e);
            }
            throw e;
        } finally {
            exchange.close();
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        waitingCallers.release();
        Invocation invocation = null;
        try {
            while (running && invocation == null) {
                invocation = handoff.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            return; // closing: abandon the caller (the connection is closed without an answer)
        }
        long deadline = System.currentTimeMillis() + functionTimeout.toMillis();
        inFlight.put(invocation.requestId, invocation);
        Invocation timed = invocation;
        invocation.timeout = timeouts.schedule(() -> {
            LOG.warning(() -> functionName + " timed out on " + timed.requestId + " after " + functionTimeout);
            finish(timed, null);
        }, functionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        batchesDelivered.incrementAndGet();

        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", traceId());
        reply(exchange, 200, invocation.event);
    }

    private void answer(HttpExchange exchange, String requestId, boolean error) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Invocation invocation = inFlight.get(requestId);
        if (invocation == null) {
            // Unknown, already answered, or timed out (AWS would have stopped the function by then).
            reply(exchange, 400, error("InvalidRequestID", "no invocation in flight with id " + requestId));
            return;
        }
        Set<String> failed;
        if (error) {
            LOG.warning(() -> functionName + " failed on " + requestId + " ("
                    + exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") + "): "
                    + new String(body, StandardCharsets.UTF_8));
            failed = null;
        } else {
            failed = failedItems(body, invocation.messageIds());
        }
        // Delete before answering, so that once the function's POST returns the queue reflects it.
        if (!finish(invocation, failed)) {
            reply(exchange, 400, error("InvalidRequestID", "invocation " + requestId + " already finished"));
            return;
        }
        reply(exchange, 202, STATUS_OK);
    }

    /**
     * The message ids the function reported as failed, or {@code null} if the whole batch counts as failed. Rules are
     * Lambda's for ReportBatchItemFailures.
     */
    static Set<String> failedItems(byte[] body, Set<String> batchIds) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return Set.of();
        }
        JsonNode response;
        try {
            response = JSON.readTree(text);
        } catch (IOException e) {
            LOG.warning(() -> "function response is not JSON, failing the whole batch: " + text);
            return null;
        }
        if (response == null || response.isNull()) {
            return Set.of();
        }
        if (!response.isObject()) {
            LOG.warning(() -> "function response is not a batch response object, failing the whole batch: " + text);
            return null;
        }
        JsonNode failures = response.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            LOG.warning(() -> "batchItemFailures is not a list, failing the whole batch: " + text);
            return null;
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !batchIds.contains(id.asText())) {
                LOG.warning(() -> "batchItemFailures entry " + failure + " names no message of the batch,"
                        + " failing the whole batch");
                return null;
            }
            failed.add(id.asText());
        }
        return failed;
    }

    /**
     * Ends an invocation exactly once (answer, error and timeout race): deletes the records not in {@code failed}
     * ({@code null} = all failed, delete nothing). Returns false if it had already ended.
     */
    private boolean finish(Invocation invocation, Set<String> failed) {
        if (!invocation.finished.compareAndSet(false, true)) {
            return false;
        }
        inFlight.remove(invocation.requestId);
        ScheduledFuture<?> timeout = invocation.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        List<Message> succeeded = new ArrayList<>();
        if (failed != null) {
            for (Message m : invocation.messages) {
                if (!failed.contains(m.messageId())) {
                    succeeded.add(m);
                }
            }
        }
        if (!succeeded.isEmpty()) {
            delete(succeeded);
        }
        recordsSucceeded.addAndGet(succeeded.size());
        recordsFailed.addAndGet(invocation.messages.size() - succeeded.size());
        return true;
    }

    private void delete(List<Message> messages) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle())
                    .build());
        }
        try {
            DeleteMessageBatchResponse response =
                    sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            for (BatchResultErrorEntry e : response.failed()) {
                // Typically a receipt handle gone stale because the function outlived the visibility timeout;
                // the message will be delivered again, as in AWS.
                LOG.warning(() -> "could not delete " + messages.get(Integer.parseInt(e.id())).messageId() + ": "
                        + e.code() + " " + e.message());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DeleteMessageBatch on " + queueUrl + " failed; records will be redelivered", e);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] error(String type, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorMessage", message);
        node.put("errorType", type);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An X-Ray style trace header, as Lambda passes one with every invocation. */
    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%08x%016x;Parent=%016x;Sampled=0",
                System.currentTimeMillis() / 1000, random.nextInt(), random.nextLong(), random.nextLong());
    }

    private static String queueNameOf(String queueUrl) {
        String path = URI.create(queueUrl).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The account id segment of {@code http://host/<account>/<queue>}, or the local default. */
    private static String accountOf(String queueUrl) {
        String[] segments = URI.create(queueUrl).getPath().split("/");
        if (segments.length >= 2 && segments[segments.length - 2].matches("\\d{12}")) {
            return segments[segments.length - 2];
        }
        return LocalAws.ACCOUNT_ID;
    }

    /** One batch, from receive to the function's answer. */
    private static final class Invocation {
        final String requestId;
        final List<Message> messages;
        final byte[] event;
        final AtomicBoolean finished = new AtomicBoolean();
        volatile ScheduledFuture<?> timeout;

        Invocation(String requestId, List<Message> messages, byte[] event) {
            this.requestId = requestId;
            this.messages = messages;
            this.event = event;
        }

        Set<String> messageIds() {
            Set<String> ids = new HashSet<>();
            messages.forEach(m -> ids.add(m.messageId()));
            return ids;
        }
    }
}
