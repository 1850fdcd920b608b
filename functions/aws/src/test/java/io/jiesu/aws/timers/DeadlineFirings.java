package io.jiesu.aws.timers;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.ticket.TicketJson;
import io.jiesu.localcloud.scheduler.MovableClock;
import io.jiesu.localcloud.scheduler.SchedulerServer;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.List;

/** A test's time travel: moves the clock and hands each firing due on the way to the deadline function. */
record DeadlineFirings(MovableClock clock, SchedulerServer scheduler, String deadlineQueue, DeadlineHandler handler) {

    /** Fires again until nothing more is due, so firings set by earlier ones on the way come in order too. */
    void travelTo(Instant target) {
        while (true) {
            clock.set(target);
            scheduler.fireDue();
            List<Message> fired = Emulators.drain(deadlineQueue);
            if (fired.isEmpty()) {
                return;
            }
            fired.forEach(m -> handler.handle(TicketJson.read(m.body(), DeadlineMessage.class)));
        }
    }
}
