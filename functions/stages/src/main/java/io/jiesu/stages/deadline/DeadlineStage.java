package io.jiesu.stages.deadline;

import io.jiesu.aws.timers.DeadlineHandler;
import io.jiesu.aws.timers.DeadlineMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A ticket's deadline fell due (the scheduler fired its timer): remind, mark overdue, escalate or close. */
@ApplicationScoped
public class DeadlineStage {
    @Inject
    DeadlineHandler deadlines;

    public void handle(DeadlineMessage m) {
        deadlines.handle(m);
    }
}
