package io.jiesu.aws.attachments;

import io.jiesu.core.attachment.AttachmentRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The attachments bucket (jiesu.attachments.bucket), the largest file (jiesu.attachments.max-bytes) and how long a
 * pre-signed URL works (jiesu.attachments.url-life). Presigning is local computation: no call to S3 is made here.
 */
@ApplicationScoped
public class AttachmentBeans {

    @Produces
    @Singleton
    S3Presigner presigner(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region,
                          @ConfigProperty(name = "jiesu.aws.s3.endpoint") Optional<URI> endpoint) {
        S3Presigner.Builder b = S3Presigner.builder();
        region.map(Region::of).ifPresent(b::region);
        if (endpoint.isPresent()) {
            // an emulator: path-style addresses (no bucket host names on 127.0.0.1), and the credentials AwsClients
            // signs every emulator call with
            b.endpointOverride(endpoint.get())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return b.build();
    }

    @Produces
    @Singleton
    Attachments attachments(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table, S3Presigner presigner,
                            @ConfigProperty(name = "jiesu.attachments.bucket", defaultValue = "jiesu-attachments") String bucket,
                            @ConfigProperty(name = "jiesu.attachments.url-life", defaultValue = "PT5M") Duration urlLife) {
        return new Attachments(dynamo, table, presigner, bucket, urlLife);
    }

    @Produces
    @Singleton
    AttachmentRules rules(@ConfigProperty(name = "jiesu.attachments.max-bytes", defaultValue = "10485760") long maxBytes) {
        return new AttachmentRules(maxBytes);
    }
}
