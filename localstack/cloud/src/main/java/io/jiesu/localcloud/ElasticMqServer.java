package io.jiesu.localcloud;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ (an in-memory SQS implementation) running in this JVM on a free loopback port.
 *
 * <p>Queue URLs it returns are {@code http://127.0.0.1:<port>/000000000000/<queue>}, so they point straight back at
 * this server; queue ARNs are {@code arn:aws:sqs:us-east-1:000000000000:<queue>} ({@link LocalAws#REGION},
 * {@link LocalAws#ACCOUNT_ID}), the form a redrive policy's {@code deadLetterTargetArn} uses. ElasticMQ honours
 * {@code RedrivePolicy}: a message received more than {@code maxReceiveCount} times moves to the dead-letter queue.
 *
 * <p>We pick the port ourselves rather than asking ElasticMQ for a dynamic one: with port 0 it patches the port into
 * its queue URLs only in an asynchronous callback after the bind, so a CreateQueue sent right after start could get a
 * URL with port 0.
 */
public final class ElasticMqServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ElasticMqServer.class.getName());

    private final ActorSystem actorSystem;
    private final URI endpoint;

    private ElasticMqServer(ActorSystem actorSystem, int port) {
        this.actorSystem = actorSystem;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts a new ElasticMQ with no queues and returns once it accepts connections. */
    public static ElasticMqServer start() {
        Exception last = null;
        for (int attempt = 0; attempt < LoopbackPorts.START_ATTEMPTS; attempt++) {
            int port = LoopbackPorts.freePort();
            // Our own actor system, so close() can stop it: the server and its threads go with it. Named after the
            // port so its threads ("elasticmq-<port>-...") can be told apart from another instance's.
            ActorSystem actorSystem = ActorSystem.create("elasticmq-" + port);
            try {
                SQSRestServer server = SQSRestServerBuilder
                        .withActorSystem(actorSystem)
                        .withInterface("127.0.0.1")
                        .withPort(port)
                        .withAWSRegion(LocalAws.REGION.id())
                        .withAWSAccountId(LocalAws.ACCOUNT_ID)
                        .start();
                server.waitUntilStarted();
                return new ElasticMqServer(actorSystem, port);
            } catch (Exception e) {
                // Most likely the port was taken between freePort() and the bind; try another one.
                last = e;
                terminate(actorSystem);
            }
        }
        throw new IllegalStateException("ElasticMQ did not start", last);
    }

    /** Base URL of the server, e.g. {@code http://127.0.0.1:43124}; use it as the SQS endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Stops the actor system, and with it the server; all queues and messages are gone. Not SQSRestServer.stopAndWait():
     * that stop is graceful, so a long poll in flight (a client's receive waiting up to 20 seconds) would hold it.
     */
    @Override
    public void close() {
        terminate(actorSystem);
    }

    private static void terminate(ActorSystem actorSystem) {
        try {
            actorSystem.terminate();
            actorSystem.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.FINE, "ElasticMQ actor system did not terminate cleanly", e);
        }
    }
}
