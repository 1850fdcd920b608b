package io.jiesu.localrun;

import io.jiesu.aws.clock.TravelClock;
import io.jiesu.aws.digest.DigestMessage;
import io.jiesu.core.digest.DigestKind;
import io.jiesu.localcloud.LocalAws;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Sends a digest now in the running local cloud: puts the message a schedule would put on the digest queue
 * (marked as asked for by hand, so it goes out on any day) and prints the mails as they arrive.
 * <pre>bash localstack/run-local.sh digest daily|weekly|monthly</pre>
 */
public final class SendDigest {
    private SendDigest() {
    }

    static void run(Path root, String[] args) throws IOException, InterruptedException {
        DigestKind kind;
        try {
            kind = DigestKind.of(args.length > 1 ? args[1] : "");
        } catch (IllegalArgumentException e) {
            System.err.println("usage: bash localstack/run-local.sh digest daily|weekly|monthly");
            System.exit(2);
            return;
        }
        Path runFile = LocalRun.logDir(root).resolve(LocalRun.RUN_FILE);
        Properties found = LocalRun.running(root);
        Path mailDir = Path.of(found.getProperty("mail.dir"));
        List<Path> before = mails(mailDir);
        Instant now = new TravelClock(Path.of(found.getProperty("clock.offset.file"))).instant();
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                new DigestMessage(kind.code(), null, now.toString()));
        try (SqsClient sqs = LocalAws.sqs(URI.create(found.getProperty("sqs.endpoint")))) {
            sqs.sendMessage(b -> b.queueUrl(found.getProperty("digest.queue.url")).messageBody(body));
        } catch (RuntimeException e) {
            System.err.println("the local run in " + runFile.getParent() + " does not answer; is it still up? " + e.getMessage());
            System.exit(1);
        }
        System.out.println("Asked for the " + kind.code() + " digest as of " + now + "; waiting for its mails ...");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int shown = 0;
        Instant quietSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            List<Path> fresh = mails(mailDir).stream().filter(p -> !before.contains(p)).toList();
            for (; shown < fresh.size(); shown++) {
                System.out.println("  " + fresh.get(shown));
                quietSince = Instant.now();
            }
            if (shown > 0 && Duration.between(quietSince, Instant.now()).toSeconds() >= 3) {
                break;
            }
            Thread.sleep(300);
        }
        if (shown == 0) {
            System.out.println("No mail yet: see " + LocalRun.logDir(root).resolve("stage-digest.log"));
        } else {
            System.out.println("Open the .html files in a browser (the .txt is the plain-text part), or read them over IMAP: "
                    + "see the local run's banner for the port; user and password are the address.");
        }
    }

    private static List<Path> mails(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted(Comparator.naturalOrder()).toList();
        }
    }
}
