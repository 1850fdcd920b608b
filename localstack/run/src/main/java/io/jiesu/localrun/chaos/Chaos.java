package io.jiesu.localrun.chaos;

import io.jiesu.localcloud.chaos.FaultInjectingProxy;

import java.util.List;

/**
 * Faults the functions meet on their way to DynamoDB and SQS (the run's own clients go direct), and the share
 * of the scheduler's firings that never arrive.
 */
public record Chaos(List<FaultInjectingProxy.Fault> dynamo, List<FaultInjectingProxy.Fault> sqs, long seed,
                    double droppedFirings) {
    public Chaos(List<FaultInjectingProxy.Fault> dynamo, List<FaultInjectingProxy.Fault> sqs, long seed) {
        this(dynamo, sqs, seed, 0);
    }
}
