package io.jiesu.localrun;

import io.jiesu.localcloud.QueueEventSourceMapping;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * A fresh function process beside a run, from its start to its first piece of work done, then stopped: the cold-start
 * benchmark times it, and {@link ClassDataArchives} records what it loads.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * Cold start of the api: from starting a fresh api process (beside the running one) to its first answered
     * request, GET /v1/catalogue with a token. The process, named {@code name}, is stopped afterwards.
     */
    public static Duration api(LocalRun run, String name, List<String> jvmOptions) throws IOException {
        int port = LocalRun.freePort();
        String token = run.mint().mint("cold-start", "agent", null, Duration.ofMinutes(5));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest first = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/catalogue"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(2)).build();
        long begin = System.nanoTime();
        try (ChildProcess api = run.startExtraApi(name, port, jvmOptions)) {
            if (Polling.until(Duration.ofMinutes(1), Duration.ofMillis(5), () -> Polling.answers200(http, first))) {
                return Duration.ofNanos(System.nanoTime() - begin);
            }
            throw new IllegalStateException(name + " did not answer within a minute; see " + api.log());
        }
    }

    /**
     * Cold start of a stage function: a fresh process for {@code function}, named {@code name}, fed by an event source
     * mapping of its own on a fresh queue holding one message; from starting the process to that message handled
     * (deleted).
     */
    public static Duration stage(LocalRun run, String name, String function, String messageBody, List<String> jvmOptions) {
        SqsClient sqs = run.sqs();
        String url = sqs.createQueue(b -> b.queueName("jiesu-cold-start-" + System.nanoTime())).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(messageBody));
        try (QueueEventSourceMapping esm = new QueueEventSourceMapping(sqs, url, function, 1, Duration.ofSeconds(30))) {
            esm.start();
            long begin = System.nanoTime();
            try (ChildProcess p = run.startExtraStage(name, function, esm.runtimeApiAddress(),
                    jvmOptions)) {
                boolean handled = Polling.until(Duration.ofMinutes(1), Duration.ofMillis(5), () -> {
                    if (esm.recordsFailed() > 0) {
                        throw new IllegalStateException(name + " failed its message; see " + p.log());
                    }
                    return esm.recordsSucceeded() > 0;
                });
                if (handled) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
                throw new IllegalStateException(name + " handled nothing within a minute; see " + p.log());
            }
        } finally {
            sqs.deleteQueue(b -> b.queueUrl(url));
        }
    }
}
