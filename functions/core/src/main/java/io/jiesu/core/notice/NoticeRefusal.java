package io.jiesu.core.notice;

/**
 * A step the notice rules do not allow, said in the rule's words. The reason tells the edge how to answer: an
 * invalid request names the field to fix; a notice in the wrong status is a conflict with the notice as it is;
 * a notice of another unit is not the caller's to change.
 */
public class NoticeRefusal extends RuntimeException {
    public enum Reason { INVALID, WRONG_STATUS, NOT_YOURS }

    private final Reason reason;
    private final String field;

    private NoticeRefusal(Reason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public static NoticeRefusal invalid(String field, String message) {
        return new NoticeRefusal(Reason.INVALID, field, message);
    }

    public static NoticeRefusal wrongStatus(String step, NoticeStatus current) {
        return new NoticeRefusal(Reason.WRONG_STATUS, null, "cannot " + step + " a notice that is " + current.code());
    }

    public static NoticeRefusal wrongStatus(String message) {
        return new NoticeRefusal(Reason.WRONG_STATUS, null, message);
    }

    public static NoticeRefusal notYours(String message) {
        return new NoticeRefusal(Reason.NOT_YOURS, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
