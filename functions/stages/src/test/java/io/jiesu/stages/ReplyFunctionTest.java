package io.jiesu.stages;

import io.jiesu.aws.resources.QueueName;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The reply function: once the unit's reply has left it, the callback window opens. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@TestProfile(Export.class)
class ReplyFunctionTest {
    @Inject
    Tickets tickets;

    @org.junit.jupiter.api.BeforeEach
    void anEmptyQueue() {
        Lambda.export("reply");
        Lambda.drain(QueueName.REPLY);
    }

    @Test
    void aRepliedTicketWaitsForItsCallbackWithADueTime() {
        Ticket replied = tickets.replied("暖气不热 答复");
        assertEquals(TicketState.REPLIED, replied.state());
        String notAMessage = "not json";

        Lambda.Batch batch = Lambda.deliver(QueueName.REPLY, notAMessage);

        assertEquals(2, batch.records(), "a reply leaving the unit puts the ticket on the reply queue");
        assertEquals(java.util.Set.of(notAMessage), batch.failedBodies(), batch.response().toString());
        Ticket after = tickets.load(replied.id());
        assertEquals(TicketState.AWAITING_CALLBACK, after.state());
        assertNotNull(after.callbackDueAt());
    }
}
