package io.jiesu.localrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** The one-command local run: starts everything, prints where it is, and stops it all on Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = findRoot();
        if (args.length > 0 && (args[0].equals("digest") || args[0].equals("backfill-words"))) {
            // a command for the local run that is up, from another terminal
            try {
                if (args[0].equals("digest")) {
                    SendDigest.run(root, args);
                } else {
                    BackfillWords.run(root, args);
                }
            } catch (java.io.IOException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
            return;
        }
        LocalRun.Options defaults = LocalRun.Options.defaults(root);
        int apiPort = io.jiesu.localrun.bench.Args.number(args, "--api-port", defaults.apiPort());
        int tokenPort = io.jiesu.localrun.bench.Args.number(args, "--token-port", defaults.tokenPort());
        int consolePort = io.jiesu.localrun.bench.Args.number(args, "--console-port", 5173);
        System.out.println("Starting the Jiesu local cloud ...");
        quietConsole(LocalRun.logDir(root));
        LocalRun run = LocalRun.start(new LocalRun.Options(apiPort, tokenPort, defaults.maxReceiveCount(),
                defaults.visibilityTimeoutSeconds(), root, java.util.Map.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping: functions, event source mappings, emulators ...");
            run.close();
            stopped.countDown();
        }));
        String api = run.api().toString();
        String console = run.serveConsole(consolePort).map(u -> u + "   (控制台 the console: sign in with a role)")
                .orElse("not built (web/: npm install && npm run build)");
        System.out.printf("""
                
                Jiesu local cloud is up (started in %.1f s)
                  Console      %s
                  API          %s/v1
                  OpenAPI      %s/q/openapi
                  Swagger UI   %s/q/swagger-ui
                  Health       %s/q/health
                  Tokens       %s?role=agent   (roles: citizen agent dispatcher unit reviewer supervisor admin; unit staff add &unit=<id>)
                  Province     POST %s/v1/province/demo/tickets (secret %s); notices it got: %s
                  DynamoDB     %s    SQS %s    Scheduler %s
                  Mail         SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d (user and password: the address); each mail also in %s
                               send a digest now: bash localstack/run-local.sh digest daily|weekly|monthly
                  Logs         %s
                Demo units and catalogue: GET %s/v1/catalogue
                Ctrl-C stops everything.
                """, run.startTime().toMillis() / 1000.0, console, api, api, api, api, run.tokenUri(),
                api, LocalRun.DEMO_PROVINCE_SECRET, run.provinceNotices(),
                run.dynamoEndpoint(), run.sqsEndpoint(), run.schedulerEndpoint(), run.mail().smtpPort(),
                run.mail().imapPort(), run.logDir().resolve("mail"), run.logDir(), api);
        stopped.await();
    }

    /**
     * The console shows the banner and what needs attention (warnings); the local cloud's and the emulators' own
     * progress lines go to {@code local-cloud.log} beside the functions' logs.
     */
    static void quietConsole(Path logDir) {
        java.util.logging.Logger rootLogger = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler h : rootLogger.getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        try {
            Files.createDirectories(logDir);
            var file = new java.util.logging.FileHandler(logDir.resolve("local-cloud.log").toString());
            file.setFormatter(new java.util.logging.SimpleFormatter());
            rootLogger.addHandler(file);
        } catch (java.io.IOException e) {
            System.err.println("local-cloud.log cannot be written (" + e.getMessage() + "): its lines are dropped");
        }
    }

    /** The checkout this runs in: -Djiesu.root, or the first directory upwards holding mvnw and functions/. */
    public static Path findRoot() {
        Path dir = Path.of(System.getProperty("jiesu.root", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw")) && Files.isDirectory(d.resolve("functions"))) {
                return d;
            }
        }
        throw new IllegalStateException("run from inside the Jiesu checkout (no mvnw above " + dir + ")");
    }
}
