package io.jiesu.core.ticket;

/**
 * A step the rules do not allow. The reason tells the edge how to answer: a wrong state or a closed
 * window is a conflict with the ticket as it is; an invalid request names the field to fix.
 */
public class TicketRefusal extends RuntimeException {
    public enum Reason { WRONG_STATE, WINDOW_CLOSED, INVALID, NOT_ASSIGNED }

    private final Reason reason;
    private final String field;

    public TicketRefusal(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static TicketRefusal wrongState(String step, TicketState current, TicketState... allowed) {
        return new TicketRefusal(Reason.WRONG_STATE, null, "cannot " + step + " a ticket that is " + current.code()
                + "; allowed from " + java.util.Arrays.stream(allowed).map(TicketState::code).toList());
    }

    public static TicketRefusal invalid(String field, String message) {
        return new TicketRefusal(Reason.INVALID, field, message);
    }

    /** A window the rules set (returning within 24 hours, extending before the deadline) has closed. */
    public static TicketRefusal windowClosed(String message) {
        return new TicketRefusal(Reason.WINDOW_CLOSED, null, message);
    }

    /** The actor is not the unit the ticket is assigned to. */
    public static TicketRefusal notAssigned(String message) {
        return new TicketRefusal(Reason.NOT_ASSIGNED, null, message);
    }

    /** The ticket is in a state the rule does not act on, said in the rule's own words. */
    public static TicketRefusal wrongState(String message) {
        return new TicketRefusal(Reason.WRONG_STATE, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
