package io.jiesu.aws.digest;

/**
 * What starts a digest. A schedule sends the kind and the occurrence it fired for (EventBridge Scheduler fills
 * in {@code <aws.scheduler.scheduled-time>}); a digest asked for by hand carries {@code requestedAt} instead,
 * and is sent whatever the day. Either instant names the run, so a delivery repeated by SQS mails nobody twice.
 */
public record DigestMessage(String kind, String scheduledTime, String requestedAt) {
    public DigestMessage(String kind, String scheduledTime) {
        this(kind, scheduledTime, null);
    }

    public boolean byHand() {
        return requestedAt != null && !requestedAt.isBlank();
    }
}
