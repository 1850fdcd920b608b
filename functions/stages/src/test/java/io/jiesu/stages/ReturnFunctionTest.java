package io.jiesu.stages;

import io.jiesu.aws.resources.QueueName;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The return function: a ticket its unit sent back goes to be routed again, without that unit. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@TestProfile(Export.class)
class ReturnFunctionTest {
    @Inject
    Tickets tickets;
    @Inject
    Clock clock;

    @org.junit.jupiter.api.BeforeEach
    void anEmptyQueue() {
        Lambda.export("return");
        Lambda.drain(QueueName.RETURN);
    }

    @Test
    void aReturnedTicketIsSentForReroutingWithoutTheUnitThatReturnedIt() {
        Ticket returned = tickets.step(tickets.signed("暖气不热 退回"), t -> t.returnToCentre("不属于本单位职责", clock.instant(),
                new Actor("staff-heating", Role.UNIT, "heating-company")));
        String missing = "{\"ticketId\":\"T20261118-NOSUCH01\",\"version\":3}";

        Lambda.Batch batch = Lambda.deliver(QueueName.RETURN, missing);

        assertEquals(2, batch.records(), "returning a ticket puts it on the return queue");
        assertEquals(java.util.Set.of(missing), batch.failedBodies(), batch.response().toString());
        Ticket after = tickets.load(returned.id());
        assertEquals(TicketState.RECEIVED, after.state());
        assertNull(after.leadUnit());
        assertEquals(List.of("heating-company"), after.returnedBy());
    }
}
