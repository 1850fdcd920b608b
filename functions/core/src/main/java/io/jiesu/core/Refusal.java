package io.jiesu.core;

/**
 * A step the hotline's rules do not allow, said in the rule's words. Every rule in {@code core} refuses with one
 * of these: the {@link Reason} names the kind of rule broken, so the edge answers alike for tickets, articles and
 * notices (a wrong state is a conflict with the thing as it is; an invalid request names the field to fix; a
 * caller the rule does not let act is forbidden).
 */
public class Refusal extends RuntimeException {
    public enum Reason {
        /** The request breaks a rule; {@link #field()} names the field to fix. */
        INVALID,
        /** The ticket's state does not allow the step (docs/domain.md, "The life of a ticket"). */
        WRONG_STATE,
        /** The article's or notice's status does not allow the step. */
        WRONG_STATUS,
        /** A window the rules set (returning within 24 hours, extending before the deadline) has closed. */
        WINDOW_CLOSED,
        /** Only the lead unit (主办) acts on its ticket. */
        NOT_YOUR_TICKET,
        /** A unit drafts and updates only the articles of the matters it leads. */
        NOT_YOUR_ARTICLE,
        /** A unit changes only its own notices. */
        NOT_YOUR_NOTICE,
        /** Review and publication are the hotline centre's. */
        NOT_CENTRE
    }

    private final Reason reason;
    private final String field;

    private Refusal(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Reason.INVALID, field, message);
    }

    public static Refusal wrongState(String message) {
        return new Refusal(Reason.WRONG_STATE, null, message);
    }

    public static Refusal wrongStatus(String message) {
        return new Refusal(Reason.WRONG_STATUS, null, message);
    }

    public static Refusal windowClosed(String message) {
        return new Refusal(Reason.WINDOW_CLOSED, null, message);
    }

    public static Refusal notYourTicket(String message) {
        return new Refusal(Reason.NOT_YOUR_TICKET, null, message);
    }

    public static Refusal notYourArticle(String message) {
        return new Refusal(Reason.NOT_YOUR_ARTICLE, null, message);
    }

    public static Refusal notYourNotice(String message) {
        return new Refusal(Reason.NOT_YOUR_NOTICE, null, message);
    }

    public static Refusal notCentre(String message) {
        return new Refusal(Reason.NOT_CENTRE, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
