package io.jiesu.aws.timers;

import io.jiesu.aws.AwsClients;
import io.jiesu.aws.calendar.CalendarStore;
import io.jiesu.aws.queues.QueueConfig;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.ticket.Tickets;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

import java.net.URI;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Deadlines and their timers: one schedule per open ticket, firing into the deadline queue. */
@ApplicationScoped
public class TimerBeans {

    @Produces
    @Singleton
    SchedulerClient scheduler(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region,
                              @ConfigProperty(name = "jiesu.aws.scheduler.endpoint") Optional<URI> endpoint) {
        return AwsClients.client(SchedulerClient.builder(), region, endpoint);
    }

    /** Deadlines on the calendar as loaded now: a year's list loaded at run time applies from then on. */
    @Produces
    @Singleton
    Deadlines deadlines(CalendarStore calendars, Policy policy) {
        return new Deadlines(calendars::current, policy);
    }

    @Produces
    @Singleton
    TicketTimers ticketTimers(Deadlines deadlines) {
        return new TicketTimers(deadlines);
    }

    @Produces
    @Singleton
    ScheduledTimers scheduledTimers(SchedulerClient scheduler, TicketTimers timers, SchedulerConfig config,
                                    QueueConfig queues) {
        String deadlineQueueArn = queues.arn(QueueName.DEADLINE)
                .orElseThrow(() -> new NoSuchElementException("jiesu.queue.deadline.arn is not set"));
        return new ScheduledTimers(scheduler, timers, config.group(), deadlineQueueArn, config.roleArn(),
                config.dlqArn().orElse(null));
    }

    @Produces
    @Singleton
    DeadlineHandler deadlineHandler(TicketWorkflow workflow, TicketTimers timers, ScheduledTimers scheduled, Clock clock) {
        return new DeadlineHandler(workflow, timers, scheduled, clock);
    }

    @Produces
    @Singleton
    TimerReconciler timerReconciler(Tickets store, ScheduledTimers scheduled) {
        return new TimerReconciler(store, scheduled);
    }
}
