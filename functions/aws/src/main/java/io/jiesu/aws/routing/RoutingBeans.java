package io.jiesu.aws.routing;

import io.jiesu.aws.catalogue.CatalogueStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.jiesu.aws.queues.QueueConfig;
import io.jiesu.aws.resources.QueueName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

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
    TrainingRuns trainingRuns(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table, Clock clock) {
        return new TrainingRuns(dynamo, table, clock);
    }

    @Produces
    @Singleton
    TrainingRequests trainingRequests(TrainingRuns runs, SqsClient sqs, QueueConfig queues) {
        return new TrainingRequests(runs, sqs, queues.url(QueueName.TRAIN));
    }
}
