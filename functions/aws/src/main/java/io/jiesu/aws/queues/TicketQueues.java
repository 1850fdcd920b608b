package io.jiesu.aws.queues;

import io.jiesu.aws.resources.QueueName;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.Map;

/** Sends the pipeline's messages to their SQS queues. */
public class TicketQueues {
    private final SqsClient sqs;
    private final Map<QueueName, String> urls;

    public TicketQueues(SqsClient sqs, Map<QueueName, String> urls) {
        this.sqs = sqs;
        this.urls = Map.copyOf(urls);
    }

    public void send(OutboxMessage m) {
        String url = urls.get(m.queue());
        if (url == null) {
            throw new IllegalStateException("no URL configured for queue " + m.queue()
                    + ": set jiesu.queue." + m.queue().function() + ".url");
        }
        SendMessageRequest.Builder send = SendMessageRequest.builder().queueUrl(url).messageBody(m.body());
        if (m.queue().fifo()) {
            // one group per ticket keeps its changes in order; the version makes a resend a duplicate
            send.messageGroupId(m.ticketId()).messageDeduplicationId(m.ticketId() + "-" + m.version());
        }
        sqs.sendMessage(send.build());
    }
}
