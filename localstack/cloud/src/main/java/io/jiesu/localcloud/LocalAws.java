package io.jiesu.localcloud;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds AWS SDK v2 clients pointed at the local emulators ({@link DynamoDbLocalServer}, {@link ElasticMqServer}).
 *
 * <p>Region is {@code us-east-1}: both emulators accept any region string, but the event source mapping emits ARNs in
 * the {@code aws} partition ({@code arn:aws:sqs:...}), and {@code us-east-1} is the region of that partition that every
 * SDK and tool defaults to. A China region ({@code cn-north-1}) would need {@code arn:aws-cn:...} ARNs to be
 * self-consistent, which neither emulator produces. The emulators are started with the same region so queue ARNs they
 * generate (e.g. ElasticMQ's {@code QueueArn} attribute, used in redrive policies) match what we build.
 *
 * <p>Credentials are static dummies: no emulator checks them, but the SDK must sign something, and the default
 * provider chain would go looking at environment, profiles and instance metadata (slow, and wrong on a dev box with
 * real credentials). DynamoDB Local only accepts access key ids made of letters and digits, hence the plain value.
 */
public final class LocalAws {

    /** The region every local client and emulator uses. */
    public static final Region REGION = Region.US_EAST_1;

    /** The account id the emulators put in ARNs and queue URLs. */
    public static final String ACCOUNT_ID = "000000000000";

    /** Dummy credentials; letters and digits only, as DynamoDB Local requires. */
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("jiesulocal", "jiesulocal"));

    private LocalAws() {
    }

    /** A DynamoDB client for the given endpoint (e.g. {@link DynamoDbLocalServer#endpoint()}). Caller closes it. */
    public static DynamoDbClient dynamo(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                // URL connection client: no Netty/Apache dependency, and it is what the functions use too.
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** An SQS client for the given endpoint (e.g. {@link ElasticMqServer#endpoint()}). Caller closes it. */
    public static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static software.amazon.awssdk.services.scheduler.SchedulerClient scheduler(URI endpoint) {
        return software.amazon.awssdk.services.scheduler.SchedulerClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** An S3 client for {@link S3Server#endpoint()}: path-style, with the credentials the server checks. Caller closes it. */
    public static software.amazon.awssdk.services.s3.S3Client s3(URI endpoint) {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.IDENTITY, S3Server.CREDENTIAL)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
