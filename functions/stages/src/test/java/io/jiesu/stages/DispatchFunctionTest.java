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

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatch function, fed SQS events as Lambda sends them from the dispatch queue. */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@TestProfile(Export.class)
class DispatchFunctionTest {
    @Inject
    Tickets tickets;

    @org.junit.jupiter.api.BeforeEach
    void anEmptyQueue() {
        Lambda.export("dispatch");
        Lambda.drain(QueueName.DISPATCH);
    }

    @Test
    void theCatalogueRoutesATicketToItsLeadAndCoUnitsOrHoldsItForADispatcher() {
        Ticket heating = tickets.received("楼里暖气不热，室温只有15度");
        Ticket lamp = tickets.received("小区门口路灯不亮");

        Lambda.Batch batch = Lambda.deliver(QueueName.DISPATCH);

        assertEquals(2, batch.records(), "taking a ticket in puts it on the dispatch queue");
        assertEquals(Set.of(), batch.failedBodies(), "both records handled: " + batch.response());
        Ticket routed = tickets.load(heating.id());
        assertEquals(TicketState.DISPATCHED, routed.state());
        assertEquals("heating-company", routed.leadUnit());
        assertEquals(List.of("housing-bureau"), routed.coUnits());
        assertEquals(TicketState.AWAITING_DISPATCH, tickets.load(lamp.id()).state(), "no catalogue matter fits a street lamp");
    }

    @Test
    void aRecordThatFailsIsReportedAloneAndTheRestOfItsBatchIsDone() {
        Ticket heating = tickets.received("暖气片漏水");
        String missing = "{\"ticketId\":\"T20261118-NOSUCH00\",\"version\":1}";
        String notAMessage = "{\"ticketId\":";

        Lambda.Batch batch = Lambda.deliver(QueueName.DISPATCH, missing, notAMessage);

        assertEquals(3, batch.records());
        assertEquals(Set.of(missing, notAMessage), batch.failedBodies(),
                "the partial batch response names exactly the records that failed: " + batch.response());
        assertEquals(TicketState.DISPATCHED, tickets.load(heating.id()).state(), "the good record of the batch was done");
    }

    @Test
    void aRepeatedDeliveryChangesNothing() {
        Ticket heating = tickets.received("暖气不热 重复投递");
        String message = Tickets.message(heating);
        assertEquals(Set.of(), Lambda.deliver(QueueName.DISPATCH).failedBodies());
        Ticket once = tickets.load(heating.id());

        Lambda.Batch again = Lambda.deliver(QueueName.DISPATCH, message);

        assertEquals(Set.of(), again.failedBodies(), "a repeat is no failure: " + again.response());
        assertEquals(once.version(), tickets.load(heating.id()).version(), "the ticket is where the first delivery left it");
        assertTrue(once.dispatchedAt() != null);
    }
}
