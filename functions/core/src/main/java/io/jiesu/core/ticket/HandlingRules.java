package io.jiesu.core.ticket;

import java.time.Instant;
import java.util.Map;

import static io.jiesu.core.ticket.TicketState.SIGNED;

/**
 * Handling (办理, docs/domain.md "The life of a ticket" 5): the signed unit records its contacts with the
 * citizen, the "two effective contacts" (两次有效联系) right after receipt and when done, and the face-to-face
 * visit (三个见面) where one is required. The reply checks them ({@link ReplyRules}).
 */
final class HandlingRules {
    private HandlingRules() {
    }

    static Transition recordContact(Ticket t, ContactKind kind, String note, Instant at, Actor actor) {
        Guards.leadUnit(t, actor, "record a contact on");
        Guards.inState(t, "record a contact on", SIGNED);
        TicketBuilder b = t.toBuilder();
        switch (kind) {
            case FIRST -> b.firstContactAt = at;
            case RESULT -> b.resultContactAt = at;
            case ON_SITE -> b.onSiteContactAt = at;
        }
        return b.record(t, EventType.CITIZEN_CONTACTED, at, actor,
                note == null || note.isBlank() ? Map.of("kind", kind.code()) : Map.of("kind", kind.code(), "note", note));
    }
}
