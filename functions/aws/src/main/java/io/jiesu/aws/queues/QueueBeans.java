package io.jiesu.aws.queues;

import io.jiesu.aws.resources.QueueName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.EnumMap;
import java.util.Map;

/** The stages' queues, as configured. */
@ApplicationScoped
public class QueueBeans {

    @Produces
    @Singleton
    TicketQueues queues(SqsClient sqs, QueueConfig config) {
        Map<QueueName, String> urls = new EnumMap<>(QueueName.class);
        for (QueueName q : QueueName.values()) {
            config.url(q).ifPresent(u -> urls.put(q, u));
        }
        return new TicketQueues(sqs, urls);
    }
}
