package io.jiesu.stages.local;

import io.quarkus.funqy.lambda.FunqyLambdaBindingRecorder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * On the local cloud only: polls a Lambda Runtime API (the local event source mapping) and hands each event
 * to the same entry point AWS's Java runtime calls through FunqyStreamHandler. Quarkus runs its own poll loop
 * only in native images, so the JVM build needs this to be fed locally. Off unless jiesu.local.runtime-api is set.
 * Left out of the lambda build (./mvnw -Plambda package, what template.yaml deploys): see the stages pom.
 */
@ApplicationScoped
public class LocalRuntimeApiClient {
    private static final Logger LOG = Logger.getLogger(LocalRuntimeApiClient.class);

    @ConfigProperty(name = "jiesu.local.runtime-api")
    Optional<String> runtimeApi;

    private volatile boolean running;
    private Thread loop;

    void start(@Observes StartupEvent ev) {
        if (runtimeApi.isEmpty()) {
            return;
        }
        running = true;
        loop = new Thread(() -> poll("http://" + runtimeApi.get() + "/2018-06-01/runtime/invocation/"), "local-runtime-api");
        loop.setDaemon(true);
        loop.start();
        LOG.infof("polling the local Lambda Runtime API at %s", runtimeApi.get());
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }

    private void poll(String base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (running) {
            try {
                HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(URI.create(base + "next")).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (next.statusCode() != 200) {
                    Thread.sleep(200);
                    continue;
                }
                String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                String outcome = "/response";
                try {
                    FunqyLambdaBindingRecorder.handle(new ByteArrayInputStream(next.body()), out,
                            new LocalLambdaContext(requestId));
                } catch (Exception e) {
                    LOG.warnf("function failed on the whole batch: %s", e.getClass().getSimpleName());
                    outcome = "/error";
                    out.reset();
                    out.writeBytes(("{\"errorType\":\"" + e.getClass().getName() + "\"}").getBytes());
                }
                http.send(HttpRequest.newBuilder(URI.create(base + requestId + outcome))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.debugf("runtime API not answering (%s); retrying", e.getClass().getSimpleName());
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }
}
