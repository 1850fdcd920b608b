package io.jiesu.localcloud.testing;

import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.clock.TravelClock;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.localcloud.DynamoDbLocalServer;
import io.jiesu.localcloud.ElasticMqServer;
import io.jiesu.localcloud.LocalAws;
import io.jiesu.localcloud.mail.MailServer;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import io.jiesu.localcloud.tokens.TokenMint;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The local cloud inside the test JVM, for {@code @QuarkusTest}: DynamoDB Local, ElasticMQ, the scheduler stand-in
 * and GreenMail, with the table, queues (with their dead-letter queues) and schedule group built from template.yaml
 * the way the local run builds them, and the demo catalogue loaded. It answers with the configuration the api and the
 * stages read on the local run (the same properties the run passes as JIESU_* environment), plus where the tests find
 * the token key and the clock ({@link TestCloud}). Started once per JVM and kept: a test profile that restarts
 * Quarkus (one per exported stage function) reuses it instead of paying for the emulators again.
 */
public class LocalCloudResource implements QuarkusTestResourceLifecycleManager {
    /** The file holding the private key of the run's token mint (the api verifies with its public half). */
    public static final String TOKEN_KEY_FILE = "jiesu.test.token-key-file";
    public static final String PROVINCE = "demo";
    public static final String PROVINCE_SECRET = "test-province-secret";
    public static final String SUPERVISOR_EMAIL = "supervisor@jiesu.local";
    /** Where the tests start: a Wednesday morning in Beijing, a working day in the bundled 2026 calendar. */
    public static final Instant START = Instant.parse("2026-11-18T01:00:00Z");

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            config = Map.copyOf(startCloud());
        }
        return config;
    }

    @Override
    public void stop() {
        // kept for the next profile of this JVM; the emulators run on daemon threads and go with the JVM
    }

    private static Map<String, String> startCloud() {
        try {
            Path dir = Files.createTempDirectory("jiesu-test-cloud");
            Path clockFile = dir.resolve("clock-offset");
            TravelClock.travelTo(clockFile, START);
            TravelClock clock = new TravelClock(clockFile);
            DynamoDbLocalServer dynamoServer = DynamoDbLocalServer.start();
            ElasticMqServer sqsServer = ElasticMqServer.start();
            DynamoDbClient dynamo = LocalAws.dynamo(dynamoServer.endpoint());
            SqsClient sqs = LocalAws.sqs(sqsServer.endpoint());
            SchedulerServer scheduler = SchedulerServer.start(clock, sqs);
            MailServer mail = MailServer.start();
            io.jiesu.localcloud.S3Server s3Server = io.jiesu.localcloud.S3Server.start();
            try (var s3 = LocalAws.s3(s3Server.endpoint())) {
                CloudResources.createBuckets(s3);
            }

            CloudResources.createTable(dynamo, CloudResources.TABLE);
            // short redrive, as the end-to-end run has it: a failed record is seen again soon and dead-letters early
            Map<QueueName, String> queues = CloudResources.createQueues(sqs, 3, 5);
            String schedulerDlq = CloudResources.createSchedulerDlq(sqs);
            try (SchedulerClient client = LocalAws.scheduler(scheduler.endpoint())) {
                CloudResources.createScheduleGroup(client);
            }
            new CatalogueStore(dynamo, CloudResources.TABLE, clock).replace(RoutingCatalogue.demo());

            TokenMint mint = TokenMint.generate();
            Path publicKey = Files.writeString(dir.resolve("jwt-public.pem"), mint.publicKeyPem());
            Path privateKey = Files.writeString(dir.resolve("jwt-private.pem"), mint.privateKeyPem());

            Map<String, String> c = new HashMap<>();
            c.put("jiesu.aws.region", LocalAws.REGION.id());
            c.put("jiesu.aws.dynamodb.endpoint", dynamoServer.endpoint().toString());
            c.put("jiesu.aws.sqs.endpoint", sqsServer.endpoint().toString());
            c.put("jiesu.aws.scheduler.endpoint", scheduler.endpoint().toString());
            c.put("jiesu.table", CloudResources.TABLE);
            c.put("jiesu.aws.s3.endpoint", s3Server.endpoint().toString());
            c.put("jiesu.attachments.bucket", CloudResources.ATTACHMENTS_BUCKET);
            c.put("jiesu.citizen-index-key", "0123456789abcdef0123456789abcdef0123456789abcdef");
            for (QueueName q : QueueName.values()) {
                c.put("jiesu.queue." + q.function() + ".url", queues.get(q));
            }
            c.put("jiesu.queue.deadline.arn", CloudResources.queueArn(sqs, queues.get(QueueName.DEADLINE)));
            c.put("jiesu.scheduler.group", CloudResources.SCHEDULE_GROUP);
            c.put("jiesu.scheduler.role-arn", CloudResources.LOCAL_SCHEDULER_ROLE_ARN);
            c.put("jiesu.scheduler.dlq-arn", schedulerDlq);
            c.put("jiesu.clock.offset-file", clockFile.toString());
            c.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
            c.put("mp.jwt.verify.issuer", TokenMint.ISSUER);
            c.put(TOKEN_KEY_FILE, privateKey.toString());
            c.put("jiesu.province.code", PROVINCE);
            c.put("jiesu.province.secret", PROVINCE_SECRET);
            c.put("quarkus.mailer.host", "127.0.0.1");
            c.put("quarkus.mailer.port", Integer.toString(mail.smtpPort()));
            c.put("jiesu.test.imap-port", Integer.toString(mail.imapPort()));
            c.put("jiesu.digest.supervisors", SUPERVISOR_EMAIL);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
