package io.jiesu.aws.tickets;

public class TicketNotFoundException extends RuntimeException {
    public TicketNotFoundException(String id) {
        super("no ticket " + id);
    }
}
