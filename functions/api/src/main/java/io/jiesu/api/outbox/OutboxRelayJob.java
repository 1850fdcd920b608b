package io.jiesu.api.outbox;

import io.jiesu.aws.ticket.TicketWorkflow;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends what the outbox kept while a queue was unreachable. Messages younger than the grace period are left
 * to the request that wrote them. Local run only: the lambda build (./mvnw -Plambda package, what template.yaml
 * deploys) leaves this class out, since on AWS the relay function does this on its schedule and an api on Lambda
 * is frozen between requests.
 */
@ApplicationScoped
public class OutboxRelayJob {
    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);
    private static final Duration GRACE = Duration.ofSeconds(2);

    @Inject
    TicketWorkflow workflow;

    @Scheduled(every = "${jiesu.outbox.relay-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            int sent = workflow.relayPending(GRACE);
            if (sent > 0) {
                LOG.infof("outbox relay sent %d kept message(s)", sent);
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay could not run now: %s", e.getClass().getSimpleName());
        }
    }
}
