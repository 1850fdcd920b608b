package io.jiesu.aws.ticket;

/** Someone else changed the ticket since it was read: read it again and decide anew. */
public class ConcurrentTransitionException extends RuntimeException {
    public ConcurrentTransitionException(String ticketId, long expectedVersion) {
        super("ticket " + ticketId + " changed since version " + expectedVersion + " was read; reload it and retry");
    }
}
