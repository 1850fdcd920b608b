package io.jiesu.aws.routing;

import io.jiesu.aws.AwsClients;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.queues.QueueConfig;
import io.jiesu.aws.resources.QueueName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The learned router's store, the model the dispatch function holds, and its training. */
@ApplicationScoped
public class RoutingBeans {

    @Produces
    @Singleton
    RouterModels routerModels(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table) {
        return new RouterModels(dynamo, table);
    }

    @Produces
    @Singleton
    LoadedRouter loadedRouter(RouterModels models, RoutingConfig config, Clock clock) {
        return new LoadedRouter(models, config.recheck(), clock);
    }

    @Produces
    @Singleton
    RouterTraining routerTraining(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table,
                                  RouterModels models, RoutingConfig config, Clock clock,
                                  CatalogueStore catalogue) {
        return new RouterTraining(dynamo, table, models, config.minimumExamples(), config.targetPrecision(), clock,
                catalogue::current);
    }

    @Produces
    @Singleton
    ImportUploads importUploads(S3Presigner presigner, Clock clock,
                                @ConfigProperty(name = "jiesu.aws.region") Optional<String> region,
                                @ConfigProperty(name = "jiesu.aws.s3.endpoint") Optional<URI> endpoint,
                                @ConfigProperty(name = "jiesu.attachments.bucket", defaultValue = "jiesu-attachments") String bucket,
                                @ConfigProperty(name = "jiesu.attachments.url-life", defaultValue = "PT5M") Duration urlLife,
                                @ConfigProperty(name = "jiesu.routing.max-import-bytes", defaultValue = "52428800") long maxBytes) {
        // 50 MB, some 80,000 tickets: read, decoded and parsed whole in the training function's 2 GB
        // path-style on an emulator, as the presigner: no bucket host names on 127.0.0.1
        S3Client s3 = AwsClients.client(S3Client.builder().forcePathStyle(endpoint.isPresent()), region, endpoint);
        return new ImportUploads(presigner, s3, bucket, urlLife, maxBytes, clock);
    }

    @Produces
    @Singleton
    TrainingRuns trainingRuns(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table, Clock clock) {
        return new TrainingRuns(dynamo, table, clock);
    }

    @Produces
    @Singleton
    TrainingRequests trainingRequests(TrainingRuns runs, SqsClient sqs, QueueConfig queues) {
        return new TrainingRequests(runs, sqs, queues.url(QueueName.TRAIN));
    }
}
