package io.jiesu.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The SDK clients every function uses, configured by jiesu.aws.region and jiesu.aws.&lt;service&gt;.endpoint. The same
 * code runs on AWS and on the local cloud: only the endpoint overrides differ. Clients only some functions use are
 * built in their feature's beans, the same way. Plain properties, not a config mapping: these clients are built
 * during static init (see below), before a mapping not marked static-init-safe can be read.
 */
@ApplicationScoped
public class AwsClients {

    /**
     * Builds the SDK clients while the function starts, not on its first request or message: on Lambda, start-up
     * runs before the SnapStart snapshot, so their classes are loaded and their HTTP clients made in it.
     */
    void buildClientsAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started, DynamoDbClient dynamo, SqsClient sqs) {
        dynamo.serviceName();
        sqs.serviceName();
    }

    @Produces
    @Singleton
    DynamoDbClient dynamo(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region,
                          @ConfigProperty(name = "jiesu.aws.dynamodb.endpoint") Optional<URI> endpoint) {
        return client(DynamoDbClient.builder(), region, endpoint);
    }

    @Produces
    @Singleton
    SqsClient sqs(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region,
                  @ConfigProperty(name = "jiesu.aws.sqs.endpoint") Optional<URI> endpoint) {
        // a hung SQS must not hold a request that already committed: the outbox keeps the message
        return client(SqsClient.builder().overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(3))),
                region, endpoint);
    }

    /** Every SDK client the same way: the URL-connection HTTP client, and an endpoint override on an emulator. */
    public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(
            B builder, Optional<String> region, Optional<URI> endpoint) {
        builder.httpClient(UrlConnectionHttpClient.create());
        region.map(Region::of).ifPresent(builder::region);
        if (endpoint.isPresent()) {
            // an emulator: any credentials do
            builder.endpointOverride(endpoint.get())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
