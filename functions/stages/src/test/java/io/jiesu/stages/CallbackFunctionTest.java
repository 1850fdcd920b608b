package io.jiesu.stages;

import io.jiesu.aws.resources.QueueName;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.CallbackResult;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.Satisfaction;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The callback function: a rated ticket is closed, or reopened to the same unit when the demand is reasonable. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@TestProfile(Export.class)
class CallbackFunctionTest {
    private static final Actor AGENT = new Actor("agent-test", Role.AGENT, null);
    @Inject
    Tickets tickets;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    private Ticket rated(String content, CallbackResult result) {
        Ticket waiting = tickets.step(tickets.replied(content), t -> t.openCallbackWindow(clock.instant(), Actor.system("reply"), deadlines));
        return tickets.step(waiting, t -> t.recordCallback(result, clock.instant(), AGENT));
    }

    @org.junit.jupiter.api.BeforeEach
    void anEmptyQueue() {
        Lambda.export("callback");
        Lambda.drain(QueueName.CALLBACK);
    }

    @Test
    void aSatisfiedCitizenClosesTheTicketAndAReasonableDemandReopensIt() {
        Ticket satisfied = rated("暖气不热 回访满意", new CallbackResult(Satisfaction.SATISFIED, true, null, null));
        Ticket unsatisfied = rated("暖气不热 回访不满意", new CallbackResult(Satisfaction.UNSATISFIED, false, true, "仍然不热"));
        assertEquals(TicketState.RATED, satisfied.state());

        Lambda.Batch batch = Lambda.deliver(QueueName.CALLBACK);

        assertEquals(2, batch.records(), "recording a callback puts the ticket on the callback queue");
        assertEquals(java.util.Set.of(), batch.failedBodies(), batch.response().toString());
        assertEquals(TicketState.CLOSED, tickets.load(satisfied.id()).state());
        Ticket reopened = tickets.load(unsatisfied.id());
        assertEquals(1, reopened.reopenCount(), "reopened (重办): " + reopened.state());
        assertEquals("heating-company", reopened.leadUnit(), "to the same unit");
    }
}
