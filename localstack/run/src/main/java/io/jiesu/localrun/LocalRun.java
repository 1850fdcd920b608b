package io.jiesu.localrun;

import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.clock.TravelClock;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.CloudTemplate;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.localcloud.DynamoDbLocalServer;
import io.jiesu.localcloud.ElasticMqServer;
import io.jiesu.localcloud.LocalAws;
import io.jiesu.localcloud.QueueEventSourceMapping;
import io.jiesu.localcloud.mail.MailServer;
import io.jiesu.localcloud.chaos.FaultInjectingProxy;
import io.jiesu.localrun.chaos.Chaos;
import io.jiesu.localrun.chaos.FaultProxies;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;
import io.jiesu.localcloud.tokens.TokenMint;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline on one machine: DynamoDB Local and ElasticMQ in this JVM, the table and queues created
 * from {@link CloudResources}, the demo catalogue loaded, one event source mapping per queue, and the api and
 * each stage function as their own processes running the very artifacts that are deployed. This class starts and
 * stops the run; what only the benchmarks measure lives in {@code bench}, the chaos run's faults in {@code chaos}.
 */
public final class LocalRun implements AutoCloseable {

    /**
     * How to run: ports (0 = any free one), the queues' redrive numbers (tests make them short), and system
     * properties for the functions (e.g. jiesu.policy.* overrides).
     */
    public record Options(int apiPort, int tokenPort, int maxReceiveCount, int visibilityTimeoutSeconds, Path root,
                          Map<String, String> properties, Instant startAt, Chaos chaos) {
        public Options(int apiPort, int tokenPort, int maxReceiveCount, int visibilityTimeoutSeconds, Path root,
                       Map<String, String> properties) {
            this(apiPort, tokenPort, maxReceiveCount, visibilityTimeoutSeconds, root, properties, null, null);
        }

        public static Options defaults(Path root) {
            // each queue's maxReceiveCount as template.yaml declares it; a visibility timeout of 30 s, shorter than
            // the deployed 180 s, so that a message whose stage failed is tried again soon while one watches
            return new Options(8080, 8090, CloudResources.AS_TEMPLATE, 30, root, Map.of());
        }

        /** The whole run's clock starts at this instant instead of now (and can travel on: {@link LocalRun#travelTo}). */
        public Options startingAt(Instant instant) {
            return new Options(apiPort, tokenPort, maxReceiveCount, visibilityTimeoutSeconds, root, properties, instant, chaos);
        }

        /** The functions reach DynamoDB and SQS through proxies that inject these faults. */
        public Options withChaos(Chaos faults) {
            return new Options(apiPort, tokenPort, maxReceiveCount, visibilityTimeoutSeconds, root, properties, startAt, faults);
        }
    }

    /** The local queue a reconciler run is put on (AWS invokes the function from its schedule directly). */
    static final String RECONCILE_QUEUE = "jiesu-reconcile";

    /** The local run's provincial platform, for trying the webhook (README). */
    public static final String DEMO_PROVINCE = "demo";
    public static final String DEMO_PROVINCE_SECRET = "local-demo-province-secret";

    /** Written into the log directory once the run is up, for {@link SendDigest}. */
    static final String RUN_FILE = "local-run.properties";

    /**
     * What a command for the running local cloud needs to find it (endpoints, queue URLs), from the file the run
     * writes when it is up; exits with a hint when no run is up.
     */
    static java.util.Properties running(Path root) throws IOException {
        Path runFile = logDir(root).resolve(RUN_FILE);
        if (!Files.exists(runFile)) {
            System.err.println("no local run is up (" + runFile + " is missing): start one with bash localstack/run-local.sh");
            System.exit(1);
        }
        java.util.Properties found = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(runFile)) {
            found.load(in);
        }
        return found;
    }

    /** Where the local run's supervisor receives the digests (unit heads: the demo catalogue's headEmail). */
    public static final String SUPERVISOR_EMAIL = "supervisor@jiesu.local";

    /** As template.yaml gives the stage functions. */
    private static final int STAGE_TIMEOUT_SECONDS = 30;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<QueueName, String> queueUrls;
    private final Map<QueueName, QueueEventSourceMapping> mappings = new EnumMap<>(QueueName.class);
    private final List<ChildProcess> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<QueueName, ChildProcess> stages = new java.util.concurrent.ConcurrentHashMap<>();
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final URI dynamoEndpoint;
    private final URI sqsEndpoint;
    private URI schedulerEndpoint;
    private String schedulerDlqArn;
    private ProvinceMock provinceMock;
    private final TokenMint mint;
    private final TokenServer tokens;
    private final URI api;
    private final Path logDir;
    private final Duration startTime;
    private Path clockFile;
    private MailServer mail;
    private Map<String, String> functionEnv;
    private Path apiJar;
    private Path stagesJar;
    /** The api's and the stages' JVM options: their class-data archives, once recorded. */
    private List<String> apiJvm = List.of();
    private List<String> stageJvm = List.of();
    private Options options;
    private FaultProxies faultProxies;
    private TravelClock clock;
    private SchedulerServer schedulerServer;
    private ReconcileTicker reconciler;
    private io.jiesu.localrun.console.ConsoleServer console;
    private io.jiesu.localrun.console.ConsoleServer providerConsole;
    private io.jiesu.localcloud.S3Server s3Server;

    private LocalRun(Options o) {
        Instant begin = Instant.now();
        options = o;
        apiJar = o.root().resolve("functions/api/target/quarkus-app/quarkus-run.jar");
        stagesJar = o.root().resolve("functions/stages/target/jiesu-stages-0.1.0-SNAPSHOT-runner.jar");
        for (Path jar : List.of(apiJar, stagesJar)) {
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw install -DskipTests");
            }
        }
        // a run with its own settings logs apart, so it never overwrites the plain run's files
        logDir = logDir(o.root()).resolveSibling(logDir(o.root()).getFileName() + (o.properties().isEmpty() && o.startAt() == null
                && o.chaos() == null ? "" : "-" + Math.abs(java.util.Objects.hash(o.properties(), o.startAt(), o.chaos()))));
        try {
            Files.createDirectories(logDir);
            clockFile = logDir.resolve("clock-offset");
            TravelClock.travelTo(clockFile, o.startAt() == null ? Instant.now() : o.startAt());
            clock = new TravelClock(clockFile);
            DynamoDbLocalServer dynamoServer = DynamoDbLocalServer.start();
            resources.add(dynamoServer);
            ElasticMqServer sqsServer = ElasticMqServer.start();
            resources.add(sqsServer);
            dynamoEndpoint = dynamoServer.endpoint();
            sqsEndpoint = sqsServer.endpoint();
            if (o.chaos() != null) {
                faultProxies = FaultProxies.start(o.chaos(), dynamoEndpoint, sqsEndpoint);
                resources.add(faultProxies);
            }
            dynamo = LocalAws.dynamo(dynamoEndpoint);
            sqs = LocalAws.sqs(sqsEndpoint);
            resources.add(dynamo);
            resources.add(sqs);
            // the scheduler stand-in fires deadline timers into the deadline queue, on the run's clock
            schedulerServer = SchedulerServer.start(clock, sqs);
            resources.add(schedulerServer);
            schedulerEndpoint = schedulerServer.endpoint();
            if (o.chaos() != null && o.chaos().droppedFirings() > 0) {
                schedulerServer.dropFirings(o.chaos().droppedFirings(), o.chaos().seed() + 2);
            }

            CloudResources.createTable(dynamo, CloudResources.TABLE);
            queueUrls = CloudResources.createQueues(sqs, o.maxReceiveCount(), o.visibilityTimeoutSeconds());
            schedulerDlqArn = CloudResources.createSchedulerDlq(sqs);
            try (SchedulerClient schedulerClient = LocalAws.scheduler(schedulerEndpoint)) {
                CloudResources.createScheduleGroup(schedulerClient);
                // the digests' recurring schedules, from the same definitions as template.yaml
                CloudResources.createDigestSchedules(schedulerClient,
                        CloudResources.queueArn(sqs, queueUrls.get(QueueName.DIGEST)), CloudResources.LOCAL_SCHEDULER_ROLE_ARN,
                        schedulerDlqArn);
            }
            // the attachments bucket: S3Proxy in this JVM; the api only pre-signs URLs to it
            s3Server = io.jiesu.localcloud.S3Server.start();
            resources.add(s3Server);
            try (var s3 = LocalAws.s3(s3Server.endpoint())) {
                CloudResources.createBuckets(s3);
            }
            mail = MailServer.start();
            resources.add(mail);
            mail.dumpTo(logDir.resolve("mail"));
            schedulerServer.startTicking(Duration.ofSeconds(1));
            new CatalogueStore(dynamo, CloudResources.TABLE, clock).replace(RoutingCatalogue.demo());

            mint = TokenMint.generate();
            Path publicKey = logDir.resolve("jwt-public.pem");
            Files.writeString(publicKey, mint.publicKeyPem());
            tokens = new TokenServer(mint, o.tokenPort());
            resources.add(tokens);

            // a demo provincial platform: its webhook secret, and a mock of its callback endpoint
            provinceMock = new ProvinceMock(new io.jiesu.core.province.ProvinceSignature(DEMO_PROVINCE_SECRET), clock);
            resources.add(provinceMock);
            Map<String, String> env = awsEnv(publicKey);
            functionEnv = env;
            env.put("JIESU_PROVINCE_CODE", DEMO_PROVINCE);
            env.put("JIESU_PROVINCE_SECRET", DEMO_PROVINCE_SECRET);
            env.put("JIESU_PROVINCE_CALLBACK_URL", provinceMock.uri().toString());
            ClassDataArchives archives = new ClassDataArchives(logDir(o.root()).resolveSibling("class-data"));
            if (o.chaos() == null) {
                // a chaos run only uses archives: recording through its fault proxies would spend its seeded faults
                archives.recordMissing(Map.of(
                        apiJar, jvm -> ColdStart.api(this, "class-data-api", jvm),
                        stagesJar, jvm -> ColdStart.stage(this, "class-data-stage", CloudResources.RECONCILE_FUNCTION,
                                ReconcileTicker.runMessage(clock), jvm)));
            }
            int apiPort = o.apiPort() == 0 ? freePort() : o.apiPort();
            Map<String, String> apiEnv = new HashMap<>(env);
            apiEnv.put("PORT", Integer.toString(apiPort));
            apiJvm = archives.optionsFor(apiJar);
            stageJvm = archives.optionsFor(stagesJar);
            processes.add(ChildProcess.start("api", apiJar, apiEnv, o.properties(), logDir, apiJvm));
            api = URI.create("http://127.0.0.1:" + apiPort);

            for (QueueName q : QueueName.values()) {
                // as template.yaml: notices and digests one at a time, the rest in batches (QueueName.batchSize)
                QueueEventSourceMapping esm = new QueueEventSourceMapping(sqs, queueUrls.get(q), q.function(),
                        q.batchSize(), Duration.ofSeconds(Math.min(STAGE_TIMEOUT_SECONDS, o.visibilityTimeoutSeconds())));
                esm.start();
                resources.add(esm);
                mappings.put(q, esm);
                Map<String, String> stageEnv = new HashMap<>(env);
                stageEnv.put("QUARKUS_FUNQY_EXPORT", q.function());
                stageEnv.put("JIESU_LOCAL_RUNTIME_API", esm.runtimeApiAddress());
                ChildProcess stage = ChildProcess.start("stage-" + q.function(), stagesJar, stageEnv, o.properties(), logDir,
                        stageJvm);
                processes.add(stage);
                stages.put(q, stage);
            }
            startReconciler(env, o);
            awaitReady(URI.create(api + "/q/health/ready"), Duration.ofSeconds(90));
            // what the send-a-digest-now command needs to find this run
            java.util.Properties found = new java.util.Properties();
            found.setProperty("sqs.endpoint", sqsEndpoint.toString());
            found.setProperty("dynamo.endpoint", dynamoEndpoint.toString());
            found.setProperty("digest.queue.url", queueUrls.get(QueueName.DIGEST));
            found.setProperty("clock.offset.file", clockFile.toString());
            found.setProperty("mail.dir", logDir.resolve("mail").toString());
            try (var out = Files.newBufferedWriter(logDir.resolve(RUN_FILE))) {
                found.store(out, "the running local cloud");
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        startTime = Duration.between(begin, Instant.now());
    }

    /**
     * Closes each on a daemon thread of its own, all at once, and gives up on one after the timeout: inside a JVM
     * shutdown hook a close can wait on another hook, and the process is exiting anyway.
     */
    private static void closeTogether(List<? extends AutoCloseable> closing, Duration timeout) {
        List<Thread> threads = new ArrayList<>();
        for (AutoCloseable resource : closing) {
            Thread t = new Thread(() -> {
                try {
                    resource.close();
                } catch (Exception e) {
                    // keep closing the rest
                }
            }, "close-" + resource.getClass().getSimpleName());
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static LocalRun start(Options options) {
        return new LocalRun(options);
    }

    /**
     * The timer reconciler, the function deployed as ReconcileFunction: AWS invokes it on its schedule
     * (CloudResources.RECONCILE_SCHEDULE); here a {@link ReconcileTicker} puts a run on a queue of its own that feeds
     * the same function, on the same rate.
     */
    private void startReconciler(Map<String, String> env, Options o) {
        // the run's visibility timeout, as the pipeline's queues have it: the ticker puts a run on only when none
        // waits, so a failed run would otherwise hold back the next ones for the stage's whole timeout
        int visibility = Math.min(STAGE_TIMEOUT_SECONDS, o.visibilityTimeoutSeconds());
        String reconcileQueueUrl = sqs.createQueue(b -> b.queueName(RECONCILE_QUEUE).attributes(Map.of(
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.VISIBILITY_TIMEOUT,
                Integer.toString(visibility)))).queueUrl();
        QueueEventSourceMapping esm = new QueueEventSourceMapping(sqs, reconcileQueueUrl, CloudResources.RECONCILE_FUNCTION,
                1, Duration.ofSeconds(visibility));
        esm.start();
        resources.add(esm);
        Map<String, String> stageEnv = new HashMap<>(env);
        stageEnv.put("QUARKUS_FUNQY_EXPORT", CloudResources.RECONCILE_FUNCTION);
        stageEnv.put("JIESU_LOCAL_RUNTIME_API", esm.runtimeApiAddress());
        processes.add(ChildProcess.start("stage-" + CloudResources.RECONCILE_FUNCTION, stagesJar, stageEnv, o.properties(), logDir,
                stageJvm));
        reconciler = new ReconcileTicker(sqs, reconcileQueueUrl, clock);
        resources.add(reconciler);
        reconciler.every(rate(CloudResources.RECONCILE_SCHEDULE));
    }

    /** Runs the timer reconciler this often from now on (chaos runs make it frequent). */
    public void reconcileEvery(Duration every) {
        reconciler.every(every);
    }

    /** A scheduler rate expression, rate(5 minutes), as a duration. */
    public static Duration rate(String expression) {
        return ReconcileTicker.rate(expression);
    }

    /** Fires now what the scheduler stand-in holds due; it does so every second anyway. */
    public void fireDueSchedules() {
        schedulerServer.fireDue();
    }

    /** Occurrences the scheduler stand-in has fired since the run started: delivered, dead-lettered or dropped. */
    public long occurrencesFired() {
        return schedulerServer.fired() + schedulerServer.failedDeliveries() + schedulerServer.dropped();
    }

    /** Firings the scheduler stand-in dropped (chaos runs). */
    public long firingsDropped() {
        return schedulerServer.dropped();
    }

    private Map<String, String> awsEnv(Path publicKey) {
        Map<String, String> env = new HashMap<>();
        env.put("JIESU_AWS_REGION", LocalAws.REGION.id());
        env.put("JIESU_AWS_DYNAMODB_ENDPOINT", (faultProxies == null ? dynamoEndpoint : faultProxies.dynamoEndpoint()).toString());
        env.put("JIESU_AWS_SQS_ENDPOINT", (faultProxies == null ? sqsEndpoint : faultProxies.sqsEndpoint()).toString());
        env.put("JIESU_AWS_SCHEDULER_ENDPOINT", schedulerEndpoint.toString());
        env.put("JIESU_SCHEDULER_GROUP", CloudResources.SCHEDULE_GROUP);
        env.put("JIESU_SCHEDULER_ROLE_ARN", CloudResources.LOCAL_SCHEDULER_ROLE_ARN);
        env.put("JIESU_SCHEDULER_DLQ_ARN", schedulerDlqArn);
        env.put("JIESU_QUEUE_DEADLINE_ARN", CloudResources.queueArn(sqs, queueUrls.get(QueueName.DEADLINE)));
        env.put("JIESU_TABLE", CloudResources.TABLE);
        env.put("JIESU_AWS_S3_ENDPOINT", s3Server.endpoint().toString());
        env.put("JIESU_ATTACHMENTS_BUCKET", CloudResources.ATTACHMENTS_BUCKET);
        env.put("JIESU_CLOCK_OFFSET_FILE", clockFile.toString());
        env.put("JIESU_SMTP_HOST", "127.0.0.1");
        env.put("JIESU_SMTP_PORT", Integer.toString(mail.smtpPort()));
        env.put("JIESU_DIGEST_SUPERVISORS", SUPERVISOR_EMAIL);
        // a fresh key per run: the citizen index is only as durable as the in-memory table
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        env.put("JIESU_CITIZEN_INDEX_KEY", HexFormat.of().formatHex(key));
        env.put("JIESU_JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
        env.put("JIESU_JWT_ISSUER", TokenMint.ISSUER);
        for (QueueName q : QueueName.values()) {
            env.put("JIESU_QUEUE_" + q.name() + "_URL", queueUrls.get(q));
        }
        return env;
    }

    private void awaitReady(URI health, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
        boolean up = Polling.until(timeout, Duration.ofMillis(200), () -> {
            for (ChildProcess p : processes) {
                if (!p.alive()) {
                    throw new IllegalStateException(p.name() + " exited during start-up; see " + p.log());
                }
            }
            return Polling.answers200(http, ready);
        });
        if (!up) {
            throw new IllegalStateException("the api did not become ready within " + timeout + "; see " + logDir);
        }
    }

    /** A free loopback port, for a process about to start. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Where the plain local run (run-local.sh) writes its logs, mail and run file. */
    static Path logDir(Path root) {
        return root.resolve("localstack/run/target/local-run");
    }

    /** Moves the clock of the whole run (api, stages, scheduler stand-in) to {@code instant}. */
    public void travelTo(Instant instant) {
        // this JVM (the scheduler stand-in, the ticker) at once, the processes within 0.1 s
        TravelClock.travelTo(clockFile, instant);
    }

    /**
     * Moves the clock on to {@code instant} as if the run had been left off in between: the recurring schedules of
     * template.yaml (the digests) are paused on the way through the Scheduler API, as an operator would pause them,
     * and resume at their next occurrence after it instead of sending every digest of every day passed (the stand-in
     * fires each occurrence a jump passes). A ticket's own schedules are not paused.
     */
    public void moveOnTo(Instant instant) {
        try (SchedulerClient scheduler = LocalAws.scheduler(schedulerEndpoint)) {
            List<GetScheduleResponse> recurring = CloudTemplate.get().schedules().stream()
                    .map(s -> scheduler.getSchedule(b -> b.groupName(s.group()).name(s.name())))
                    .toList();
            try {
                recurring.forEach(s -> scheduler.updateSchedule(withState(s, ScheduleState.DISABLED)));
                travelTo(instant);
            } finally {
                recurring.forEach(s -> scheduler.updateSchedule(withState(s, s.state())));
            }
        }
    }

    /** UpdateSchedule replaces the whole definition: everything as it was, but the state. */
    private static UpdateScheduleRequest withState(GetScheduleResponse s, ScheduleState state) {
        return UpdateScheduleRequest.builder().groupName(s.groupName()).name(s.name())
                .scheduleExpression(s.scheduleExpression()).scheduleExpressionTimezone(s.scheduleExpressionTimezone())
                .startDate(s.startDate()).endDate(s.endDate()).description(s.description())
                .flexibleTimeWindow(s.flexibleTimeWindow()).target(s.target()).kmsKeyArn(s.kmsKeyArn())
                .actionAfterCompletion(s.actionAfterCompletion()).state(state).build();
    }

    /** The run's clock, as the functions read it. */
    public Clock clock() {
        return clock;
    }

    /** The JVM options the run starts its api with: its class-data archive, when one is recorded (else none). */
    public List<String> apiJvmOptions() {
        return apiJvm;
    }

    /** The JVM options the run starts its stages with: their class-data archive, when one is recorded (else none). */
    public List<String> stageJvmOptions() {
        return stageJvm;
    }

    /**
     * Starts one more api process beside the run's, with the run's environment, listening on {@code port}; the caller
     * stops it (the cold-start benchmark).
     */
    public ChildProcess startExtraApi(String name, int port, List<String> jvmOptions) {
        Map<String, String> env = new HashMap<>(functionEnv);
        env.put("PORT", Integer.toString(port));
        return ChildProcess.start(name, apiJar, env, options.properties(), logDir, jvmOptions);
    }

    /**
     * Starts one more process of the stage {@code function}, fed by the Runtime API at {@code runtimeApi}, with the
     * run's environment; the caller stops it (the cold-start benchmark).
     */
    public ChildProcess startExtraStage(String name, String function, String runtimeApi, List<String> jvmOptions) {
        Map<String, String> env = new HashMap<>(functionEnv);
        env.put("QUARKUS_FUNQY_EXPORT", function);
        env.put("JIESU_LOCAL_RUNTIME_API", runtimeApi);
        return ChildProcess.start(name, stagesJar, env, options.properties(), logDir, jvmOptions);
    }

    /** Kills a stage's process at once, whatever it is doing, and starts it again (chaos runs). */
    public void killAndRestart(QueueName stage) {
        ChildProcess old = stages.get(stage);
        ChildProcess fresh = old.killAndRestart();
        stages.put(stage, fresh);
        processes.remove(old);
        processes.add(fresh);
    }

    /** The fault-injecting proxies in front of DynamoDB and SQS, when the run has chaos; empty otherwise. */
    public List<FaultInjectingProxy> faultProxies() {
        return faultProxies == null ? List.of() : faultProxies.all();
    }

    /** The run's function processes by name, with their process ids. */
    public Map<String, Long> childPidsByName() {
        Map<String, Long> pids = new java.util.TreeMap<>();
        processes.forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    /** The local mail server the digests go to. */
    public MailServer mail() {
        return mail;
    }

    public URI api() {
        return api;
    }

    /**
     * Serves the built console (web/dist) with the api and the token server on its origin; empty when the console
     * is not built (a build without the web module).
     */
    public synchronized java.util.Optional<URI> serveConsole(int port) {
        Path dist = builtConsole();
        if (dist == null) {
            return java.util.Optional.empty();
        }
        if (console == null) {
            console = new io.jiesu.localrun.console.ConsoleServer(dist, api, tokens.uri(), port);
            resources.add(console);
        }
        return java.util.Optional.of(console.uri());
    }

    /**
     * The console as a city deploys it: it signs in with an identity provider (here the token server's stand-in,
     * OpenID Connect code flow with PKCE) instead of the role picker. Empty when the console is not built.
     */
    public synchronized java.util.Optional<URI> serveConsoleWithProvider(int port) {
        Path dist = builtConsole();
        if (dist == null) {
            return java.util.Optional.empty();
        }
        if (providerConsole == null) {
            // the api requires the mint's issuer; the provider's endpoints are on the token server (authority)
            String config = "{\"api\":\"\",\"tokens\":null,\"oidc\":{\"issuer\":\"" + TokenMint.ISSUER
                    + "\",\"clientId\":\"" + OidcProvider.CLIENT_ID + "\",\"authority\":\"" + tokens.oidc() + "\"}}";
            providerConsole = new io.jiesu.localrun.console.ConsoleServer(dist, api, tokens.uri(), port, config);
            resources.add(providerConsole);
        }
        return java.util.Optional.of(providerConsole.uri());
    }

    /** web/dist, or null when the console is not built (a build without the web module). */
    private Path builtConsole() {
        Path dist = options.root().resolve("web").resolve("dist");
        return Files.isRegularFile(dist.resolve("index.html")) ? dist : null;
    }

    public URI tokenUri() {
        return tokens.uri();
    }

    public TokenMint mint() {
        return mint;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public URI provinceNotices() {
        return provinceMock.uri();
    }

    public URI schedulerEndpoint() {
        return schedulerEndpoint;
    }

    public String queueUrl(QueueName q) {
        return queueUrls.get(q);
    }

    public String dlqUrl(QueueName q) {
        return sqs.getQueueUrl(b -> b.queueName(q.localDlqName())).queueUrl();
    }

    public QueueEventSourceMapping mapping(QueueName q) {
        return mappings.get(q);
    }

    public Duration startTime() {
        return startTime;
    }

    public Path logDir() {
        return logDir;
    }

    public List<Long> childPids() {
        return processes.stream().map(ChildProcess::pid).toList();
    }

    /** Stops the functions first (so no batch is cut off mid-write), then the mappings and emulators. */
    @Override
    public void close() {
        if (logDir != null) {
            try {
                Files.deleteIfExists(logDir.resolve(RUN_FILE)); // no digest command finds a stopped run
            } catch (IOException e) {
                // nothing more to do on the way out
            }
        }
        closeTogether(processes, Duration.ofSeconds(20)); // ChildProcess.close: 10 s to stop, then 5 s after a kill
        processes.clear();
        // every mapping finishes the receive it waits in (up to a second): together, not one after another
        closeTogether(resources.stream().filter(r -> r instanceof QueueEventSourceMapping).toList(), Duration.ofSeconds(5));
        for (int i = resources.size() - 1; i >= 0; i--) {
            closeTogether(List.of(resources.get(i)), Duration.ofSeconds(5));
        }
        resources.clear();
    }
}
