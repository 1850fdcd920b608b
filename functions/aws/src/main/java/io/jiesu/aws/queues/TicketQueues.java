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
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(url).messageBody(m.body()).build());
    }
}
