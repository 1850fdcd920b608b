package io.jiesu.aws;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.util.Optional;

/**
 * Where the SDK clients go: {@code jiesu.aws.region}, and an endpoint override per service
 * ({@code jiesu.aws.dynamodb.endpoint}, {@code .sqs.endpoint}, {@code .scheduler.endpoint}) on an emulator.
 */
@ConfigMapping(prefix = "jiesu.aws")
public interface AwsConfig {
    Optional<String> region();

    Service dynamodb();

    Service sqs();

    Service scheduler();

    interface Service {
        Optional<URI> endpoint();
    }
}
