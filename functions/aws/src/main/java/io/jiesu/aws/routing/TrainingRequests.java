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
        return request(requestedBy, null);
    }

    /** A training that first keeps an uploaded export ({@link ImportUploads}) as the import. */
    public TrainingRuns.Run request(String requestedBy, String upload) {
        String url = queueUrl.orElseThrow(() -> new IllegalStateException(
                "no URL configured for queue " + QueueName.TRAIN + ": set jiesu.queue.train.url"));
        TrainingRuns.Run run = runs.request(requestedBy);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(TrainingRequest.body(run.id(), upload)));
        return run;
    }

    /**
     * What the training function receives: the run to train for (from the queue) and the upload to import first, if
     * any, or a schedule's firing (the daily training: {@code scheduledTime}, no run).
     */
    public record TrainingRequest(String run, String scheduledTime, String upload) {
        static String body(String run, String upload) {
            // both are ids of our own making (TrainingRuns.ID, ImportUploads.ID): nothing to escape
            return upload == null ? "{\"run\":\"" + run + "\"}"
                    : "{\"run\":\"" + run + "\",\"upload\":\"" + upload + "\"}";
        }
    }
}
