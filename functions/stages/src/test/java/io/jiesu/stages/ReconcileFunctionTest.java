package io.jiesu.stages;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.deadline.Timer;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timer reconciler, invoked as its EventBridge schedule invokes it on AWS (the schedule's input, not an SQS
 * event): a timer the scheduler lost is set again, and the function answers how many timers it repaired.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@TestProfile(Export.class)
class ReconcileFunctionTest {
    @Inject
    Tickets tickets;
    @Inject
    ScheduledTimers scheduled;

    @Test
    void aTimerDeletedBehindTheSystemsBackIsRestoredAtItsInstant() {
        Lambda.export("reconcile");
        Ticket dispatched = tickets.dispatched("单元门禁坏了一周没人修");
        Timer signDue = scheduled.held(dispatched.id()).orElseThrow();
        scheduled.remove(dispatched.id());
        assertEquals(Optional.empty(), scheduled.held(dispatched.id()));

        JsonNode repaired = Lambda.invoke("{\"scheduledTime\":\"2026-11-18T01:05:00Z\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(Optional.of(signDue), scheduled.held(dispatched.id()), "the lost timer is back at its instant");
        assertTrue(repaired.asInt() >= 1, "the function answers how many it repaired: " + repaired);
    }
}
