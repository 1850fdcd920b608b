package io.jiesu.stages;

import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.aws.timers.DeadlineMessage;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.deadline.Timer;
import io.jiesu.core.deadline.TimerKind;
import io.jiesu.core.ticket.EventType;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketEvent;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.jiesu.localcloud.testing.TestCloud;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deadline function: a ticket's timer fired. Early, it changes nothing and sets the timer again; on time it acts
 * once, however often the firing comes; a record that is no firing fails alone.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
@TestProfile(Export.class)
class DeadlineFunctionTest {
    @Inject
    Tickets tickets;
    @Inject
    TicketStore store;
    @Inject
    ScheduledTimers scheduled;

    @BeforeEach
    void anEmptyQueue() {
        Lambda.export("deadline");
        Lambda.drain(QueueName.DEADLINE);
    }

    @Test
    void anEarlyFiringChangesNothingAndTheDueOneMarksTheUnsignedTicketOverdueOnce() {
        Ticket dispatched = tickets.dispatched("小区路灯不亮已经十天了");
        Timer signDue = scheduled.held(dispatched.id()).orElseThrow();
        assertEquals(TimerKind.SIGN_DUE, signDue.kind(), "a dispatched ticket waits for its unit to sign");
        String firing = TicketJson.write(new DeadlineMessage(dispatched.id(), dispatched.version(), signDue.kind(), signDue.at()));

        Lambda.Batch early = Lambda.deliver(QueueName.DEADLINE, firing, "{\"ticketId\":");

        assertEquals(Set.of("{\"ticketId\":"), early.failedBodies(), early.response().toString());
        assertEquals(dispatched.version(), tickets.load(dispatched.id()).version(), "an early firing changes nothing");
        assertEquals(Optional.of(signDue), scheduled.held(dispatched.id()), "the timer is set again at its instant");

        TestCloud.travelTo(signDue.at().plusSeconds(1));
        Lambda.Batch due = Lambda.deliver(QueueName.DEADLINE, firing, firing);

        assertEquals(Set.of(), due.failedBodies(), due.response().toString());
        long marked = store.history(dispatched.id()).stream().map(TicketEvent::type).filter(EventType.SIGN_OVERDUE::equals).count();
        assertEquals(1, marked, "the sign deadline acted exactly once, though it fired twice");
    }
}
