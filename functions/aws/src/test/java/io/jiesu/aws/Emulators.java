package io.jiesu.aws;

import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.localcloud.DynamoDbLocalServer;
import io.jiesu.localcloud.ElasticMqServer;
import io.jiesu.localcloud.LocalAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** DynamoDB Local and ElasticMQ, started once for this test JVM; each test takes its own table and queues. */
public final class Emulators {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static DynamoDbLocalServer dynamoServer;
    private static ElasticMqServer sqsServer;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;

    private Emulators() {
    }

    public static synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamoServer = DynamoDbLocalServer.start();
            dynamo = LocalAws.dynamo(dynamoServer.endpoint());
        }
        return dynamo;
    }

    public static synchronized SqsClient sqs() {
        if (sqs == null) {
            sqsServer = ElasticMqServer.start();
            sqs = LocalAws.sqs(sqsServer.endpoint());
        }
        return sqs;
    }

    /** A fresh table shaped as CloudResources defines it. */
    public static String newTable() {
        String name = CloudResources.TABLE + "-" + SEQ.incrementAndGet();
        CloudResources.createTable(dynamo(), name);
        return name;
    }

    /** Fresh work queues and DLQs (ElasticMQ is shared, so names get a suffix through a prefix-free namespace). */
    public static Map<QueueName, String> newQueues() {
        // queues are created by their canonical names; drain them so each test starts empty
        Map<QueueName, String> urls = CloudResources.createQueues(sqs(), 2, 1);
        urls.values().forEach(u -> sqs().purgeQueue(b -> b.queueUrl(u)));
        return urls;
    }
}
