package io.jiesu.stages;

import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.timers.DeadlineMessage;
import io.jiesu.stages.callback.CallbackStage;
import io.jiesu.stages.deadline.DeadlineStage;
import io.jiesu.stages.dispatch.DispatchStage;
import io.jiesu.stages.reply.ReplyStage;
import io.jiesu.stages.returns.ReturnStage;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The queue-driven functions. Funqy's SQS event handling calls each with one record's body and reports the
 * records that threw as batchItemFailures, so one bad message never fails its batch. Each Lambda picks its
 * function with QUARKUS_FUNQY_EXPORT.
 */
public class StageFunctions {
    @Inject
    DispatchStage dispatch;
    @Inject
    ReturnStage returns;
    @Inject
    ReplyStage reply;
    @Inject
    CallbackStage callback;
    @Inject
    DeadlineStage deadline;
    @Inject
    io.jiesu.stages.notify.NotifyStage notify;
    @Inject
    io.jiesu.aws.ticket.TicketWorkflow workflow;
    @Inject
    io.jiesu.aws.digest.DigestHandler digest;

    @Funq("dispatch")
    public void dispatch(TicketMessage m) {
        dispatch.handle(m);
    }

    @Funq("return")
    public void returned(TicketMessage m) {
        returns.handle(m);
    }

    @Funq("reply")
    public void reply(TicketMessage m) {
        reply.handle(m);
    }

    @Funq("callback")
    public void callback(TicketMessage m) {
        callback.handle(m);
    }

    /** A ticket's timer fired (EventBridge Scheduler → deadline queue): remind, mark overdue, escalate or close. */
    @Funq("deadline")
    public void deadline(DeadlineMessage m) {
        deadline.handle(m);
    }

    /** One record per batch (FIFO, grouped by ticket): a failure holds back only its own ticket's later changes. */
    @Funq("notify")
    public void notify(com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage m) {
        notify.handle(m);
    }

    /** A digest schedule fired (or a digest was asked for now): mail it to the supervisors and unit heads. */
    @Funq("digest")
    public void digest(io.jiesu.aws.digest.DigestMessage m) {
        digest.handle(m);
    }

    /**
     * On AWS, an EventBridge schedule runs this every minute: it sends what the outbox kept while SQS was
     * unreachable (the local run's api does the same on a timer).
     */
    @Funq("relay")
    public int relay() {
        return workflow.relayPending(java.time.Duration.ofSeconds(30));
    }

    @Inject
    io.jiesu.aws.timers.TimerReconciler reconciler;
    @Inject
    java.time.Clock clock;

    /**
     * The timer reconciler: on AWS its EventBridge schedule (CloudResources.RECONCILE_SCHEDULE) invokes it; the local
     * run invokes it on the same rate through a queue (a record per run, whatever its body). Restores the timer of
     * every open ticket the scheduler lost and removes schedules no ticket needs; returns how many it repaired.
     */
    @Funq("reconcile")
    public int reconcile(io.jiesu.aws.timers.TimerReconciler.Run run) {
        var result = reconciler.reconcile();
        // the metric, as a CloudWatch Embedded Metric Format line of its own (not through the log formatter)
        System.out.println(io.jiesu.aws.timers.TimerReconciler.metricLine(result, clock.instant()));
        return result.repaired();
    }

    @Inject
    io.jiesu.stages.train.TrainStage train;

    /** The learned router's training: daily by its schedule, and for each run an admin or an import asked for. */
    @Funq("train")
    public String train(io.jiesu.aws.routing.TrainingRequests.TrainingRequest request) {
        return train.handle(request);
    }

    @Inject
    io.jiesu.aws.search.WordBackfill backfill;

    /** Where a backfill call starts (null: the table's start) and how many pages of 200 items it walks at most. */
    public record BackfillRequest(String cursor, Integer pages) {
    }

    /**
     * Brings tickets stored before the search indexes into them: invoked by hand after deploying the word index
     * (README, "Ticket search"), again with the cursor each call answers until it answers none. Idempotent.
     */
    @Funq("backfill-words")
    public io.jiesu.aws.search.WordBackfill.Step backfillWords(BackfillRequest request) {
        String cursor = request == null ? null : request.cursor();
        int pages = request == null || request.pages() == null ? 50 : request.pages();
        return backfill.steps(cursor, 200, pages);
    }
}
