package io.jiesu.localrun.chaos;

import io.jiesu.localcloud.chaos.FaultInjectingProxy;

import java.net.URI;
import java.util.List;

/**
 * A chaos run's fault-injecting proxies in front of DynamoDB and SQS: the functions are given these endpoints
 * instead of the emulators'.
 */
public final class FaultProxies implements AutoCloseable {
    private final FaultInjectingProxy dynamo;
    private final FaultInjectingProxy sqs;

    private FaultProxies(FaultInjectingProxy dynamo, FaultInjectingProxy sqs) {
        this.dynamo = dynamo;
        this.sqs = sqs;
    }

    /** Proxies to the two emulators, each with its faults (seeded from {@code chaos.seed()}). */
    public static FaultProxies start(Chaos chaos, URI dynamoEndpoint, URI sqsEndpoint) {
        FaultInjectingProxy dynamo = FaultInjectingProxy.start(dynamoEndpoint, chaos.dynamo(), chaos.seed());
        try {
            return new FaultProxies(dynamo, FaultInjectingProxy.start(sqsEndpoint, chaos.sqs(), chaos.seed() + 1));
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    public List<FaultInjectingProxy> all() {
        return List.of(dynamo, sqs);
    }

    @Override
    public void close() {
        sqs.close();
        dynamo.close();
    }
}
