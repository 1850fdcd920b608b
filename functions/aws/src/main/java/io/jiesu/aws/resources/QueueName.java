package io.jiesu.aws.resources;

import java.util.Locale;

/**
 * The pipeline's work queues; each has a dead-letter queue. DEADLINE receives the scheduler's timer firings,
 * DIGEST its recurring digest firings, TRAIN the router's trainings an admin asked for; NOTIFY is FIFO (grouped by ticket) so a province hears of a ticket's
 * changes in order.
 */
public enum QueueName {
    DISPATCH, RETURN, REPLY, CALLBACK, DEADLINE, NOTIFY, DIGEST, TRAIN;

    public boolean fifo() {
        return this == NOTIFY;
    }

    /**
     * Records per invocation (template.yaml's BatchSize): notices one at a time, in order per ticket; a digest
     * alone, since each is a whole report, and a training, since each learns the whole history; the rest ten at a
     * time.
     */
    public int batchSize() {
        return fifo() || this == DIGEST || this == TRAIN ? 1 : 10;
    }

    /** The name used by the local cloud (SAM names them from the stack). */
    public String localName() {
        return "jiesu-" + name().toLowerCase(Locale.ROOT) + (fifo() ? ".fifo" : "");
    }

    public String localDlqName() {
        return "jiesu-" + name().toLowerCase(Locale.ROOT) + "-dlq" + (fifo() ? ".fifo" : "");
    }

    /** The function that consumes it, as exported by the stages module. */
    public String function() {
        return name().toLowerCase(Locale.ROOT);
    }
}
