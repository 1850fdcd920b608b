package io.jiesu.stages.notify;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.jiesu.aws.province.ProvinceNotice;
import io.jiesu.aws.province.ProvinceNotifier;
import io.jiesu.aws.ticket.TicketJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

/**
 * Tells the province of a change to its ticket. The queue is FIFO, grouped by ticket, so changes arrive in
 * version order; a failed post holds its group back and comes again after a growing delay (the message's
 * visibility is stretched before the failure is reported), until the queue's receive count sends it to the
 * dead-letter queue, from where it can be redriven.
 */
@ApplicationScoped
public class NotifyStage {
    private static final Logger LOG = Logger.getLogger(NotifyStage.class);

    @Inject
    ProvinceNotifier notifier;
    @Inject
    SqsClient sqs;
    @ConfigProperty(name = "jiesu.queue.notify.url")
    java.util.Optional<String> queueUrl;
    @Inject
    NotifyRetries retries;

    public void handle(SQSEvent.SQSMessage m) {
        ProvinceNotice notice = TicketJson.read(m.getBody(), ProvinceNotice.class);
        try {
            notifier.deliver(notice);
        } catch (ProvinceNotifier.DeliveryFailed e) {
            int receives = Integer.parseInt(m.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
            Duration wait = retries.after(receives);
            LOG.warnf("notice %s for ticket %s not delivered (try %d): %s; next try in %s",
                    notice.status(), notice.ticketId(), receives, e.getMessage(), wait);
            try {
                queueUrl.ifPresent(url -> sqs.changeMessageVisibility(b -> b.queueUrl(url)
                        .receiptHandle(m.getReceiptHandle()).visibilityTimeout((int) wait.toSeconds())));
            } catch (RuntimeException visibility) {
                // the retry still comes, after the queue's own visibility timeout
                LOG.warnf("could not delay the retry of ticket %s's notice: %s", notice.ticketId(),
                        visibility.getClass().getSimpleName());
            }
            throw e;
        }
    }
}
