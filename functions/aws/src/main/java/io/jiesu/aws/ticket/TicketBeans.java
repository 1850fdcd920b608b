package io.jiesu.aws.ticket;

import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.rates.TicketCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** Tickets: their store, the workflow that carries each step to the store and the next stage, and intake. */
@ApplicationScoped
public class TicketBeans {

    @Produces
    @Singleton
    TicketStore ticketStore(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table,
                            @ConfigProperty(name = "jiesu.citizen-index-key") String citizenIndexKey, Policy policy) {
        return new TicketStore(dynamo, table, new PhoneHash(citizenIndexKey), new TicketCounters(policy.zone()));
    }

    @Produces
    @Singleton
    TicketWorkflow workflow(Tickets tickets, Outbox outbox, TicketQueues queues, ScheduledTimers timers, Clock clock,
                            DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table) {
        return new TicketWorkflow(tickets, outbox, queues, timers, clock, new io.jiesu.aws.search.WordIndex(dynamo, table));
    }

    @Produces
    @Singleton
    Intake intake(TicketWorkflow workflow, Deadlines deadlines, Policy policy, Clock clock,
                  io.jiesu.aws.notice.NoticesInForce notices) {
        return new Intake(workflow, deadlines, policy, clock, notices);
    }
}
