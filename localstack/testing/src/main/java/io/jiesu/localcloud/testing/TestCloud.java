package io.jiesu.localcloud.testing;

import io.jiesu.aws.clock.TravelClock;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.localcloud.LocalAws;
import io.jiesu.localcloud.tokens.TokenMint;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What a test needs of the {@link LocalCloudResource} cloud, found through the application's configuration (so it
 * works from the test's class loader): tokens from the cloud's mint, clients of the emulators, the queues, and the
 * clock the application reads, which a test moves instead of sleeping.
 */
public final class TestCloud {
    private static Config config() {
        return ConfigProvider.getConfig();
    }

    private TestCloud() {
    }

    public static TokenMint mint() {
        try {
            return TokenMint.fromPem(Files.readString(Path.of(config().getValue(LocalCloudResource.TOKEN_KEY_FILE, String.class))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bearer token for a role; unit staff (unit, reviewer) name their unit, others pass null. Valid for an hour of
     * real time: the api checks a token's expiry on the wall clock, not on the application's travelling one.
     */
    public static String token(String subject, String role, String unit) {
        return mint().mint(subject, role, unit, Duration.ofHours(1));
    }

    public static SqsClient sqs() {
        return LocalAws.sqs(URI.create(config().getValue("jiesu.aws.sqs.endpoint", String.class)));
    }

    public static DynamoDbClient dynamo() {
        return LocalAws.dynamo(URI.create(config().getValue("jiesu.aws.dynamodb.endpoint", String.class)));
    }

    public static String queueUrl(QueueName q) {
        return config().getValue("jiesu.queue." + q.function() + ".url", String.class);
    }

    /** The queue's dead-letter queue, as template.yaml pairs them. */
    public static String dlqUrl(QueueName q) {
        try (SqsClient sqs = sqs()) {
            return sqs.getQueueUrl(b -> b.queueName(q.localDlqName())).queueUrl();
        }
    }

    private static Path clockFile() {
        return Path.of(config().getValue("jiesu.clock.offset-file", String.class));
    }

    /** The clock the application reads. */
    public static Clock clock() {
        return new TravelClock(clockFile());
    }

    /** Moves the application's clock (and the scheduler stand-in's) to the instant. */
    public static void travelTo(Instant instant) {
        TravelClock.travelTo(clockFile(), instant);
    }
}
