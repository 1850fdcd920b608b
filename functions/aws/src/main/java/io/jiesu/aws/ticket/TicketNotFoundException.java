package io.jiesu.aws.ticket;

public class TicketNotFoundException extends RuntimeException {
    public TicketNotFoundException(String id) {
        super("no ticket " + id);
    }
}
