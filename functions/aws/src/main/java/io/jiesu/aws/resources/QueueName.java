package io.jiesu.aws.resources;

import java.util.Locale;

/** The pipeline's work queues; each has a dead-letter queue. DEADLINE receives the scheduler's timer firings. */
public enum QueueName {
    DISPATCH, RETURN, REPLY, CALLBACK, DEADLINE;

    /** The name used by the local cloud (SAM names them from the stack). */
    public String localName() {
        return "jiesu-" + name().toLowerCase(Locale.ROOT);
    }

    public String localDlqName() {
        return localName() + "-dlq";
    }

    /** The function that consumes it, as exported by the stages module. */
    public String function() {
        return name().toLowerCase(Locale.ROOT);
    }
}
