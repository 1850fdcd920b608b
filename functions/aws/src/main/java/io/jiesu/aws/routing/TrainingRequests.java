package io.jiesu.aws.routing;

import io.jiesu.aws.resources.QueueName;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Optional;

/**
 * Asks the training function for a training: the run is recorded, then a message naming it goes to the training
 * queue (template.yaml: TrainQueue → TrainFunction; the local run's train stage locally). The caller answers with
 * the run at once; the training itself never runs inside an HTTP request.
 */
public class TrainingRequests {
    private final TrainingRuns runs;
    private final SqsClient sqs;
    private final Optional<String> queueUrl;

    public TrainingRequests(TrainingRuns runs, SqsClient sqs, Optional<String> queueUrl) {
        this.runs = runs;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public TrainingRuns.Run request(String requestedBy) {
        String url = queueUrl.orElseThrow(() -> new IllegalStateException(
                "no URL configured for queue " + QueueName.TRAIN + ": set jiesu.queue.train.url"));
        TrainingRuns.Run run = runs.request(requestedBy);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(TrainingRequest.body(run.id())));
        return run;
    }

    /**
     * What the training function receives: the run to train for (from the queue), or a schedule's firing (the
     * daily training: {@code scheduledTime}, no run).
     */
    public record TrainingRequest(String run, String scheduledTime) {
        static String body(String run) {
            return "{\"run\":\"" + run + "\"}";
        }
    }
}
