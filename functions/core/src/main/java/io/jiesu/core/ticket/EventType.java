package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonValue;

/** The past-tense facts a ticket's history is made of. */
public enum EventType {
    TICKET_RECEIVED, ANSWERED_ON_SPOT, TICKET_DISPATCHED, AWAITING_DISPATCHER, TICKET_SIGNED, TICKET_RETURNED,
    SENT_FOR_REROUTING, SENT_TO_JOINT_REVIEW, CITIZEN_CONTACTED, TICKET_REPLIED, CALLBACK_WINDOW_OPENED,
    CALLBACK_RECORDED, TICKET_CLOSED, TICKET_REOPENED,
    DISPATCH_OVERDUE, SIGN_OVERDUE, REPLY_REMINDED, REPLY_OVERDUE, ESCALATED,
    EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REFUSED,
    /** A photo or PDF was attached (its name, type and size; no transition: the ticket's version stays). */
    FILE_ATTACHED;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
