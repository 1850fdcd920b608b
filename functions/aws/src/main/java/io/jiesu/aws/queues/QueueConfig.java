package io.jiesu.aws.queues;

import io.jiesu.aws.resources.QueueName;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;
import java.util.Optional;

/**
 * The stages' queues, by function: {@code jiesu.queue.<function>.url} (environment JIESU_QUEUE_DISPATCH_URL ...),
 * and {@code jiesu.queue.deadline.arn}, where the deadline timers send. A function leaves unset what it never sends to.
 */
@ConfigMapping(prefix = "jiesu.queue")
public interface QueueConfig {

    @WithParentName
    Map<String, Queue> byFunction();

    interface Queue {
        Optional<String> url();

        Optional<String> arn();
    }

    default Optional<String> url(QueueName q) {
        return Optional.ofNullable(byFunction().get(q.function())).flatMap(Queue::url);
    }

    default Optional<String> arn(QueueName q) {
        return Optional.ofNullable(byFunction().get(q.function())).flatMap(Queue::arn);
    }
}
