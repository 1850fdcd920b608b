package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import java.time.Instant;
import java.util.Map;

import static io.jiesu.core.ticket.TicketState.*;

/**
 * Supervision (督办, docs/domain.md "The life of a ticket" 8), as the deadline stage applies it when a timer
 * fires: a missed dispatch or sign window is marked, the unit is reminded before its reply is due, and an
 * overdue ticket climbs the escalation ladder (system notice → official document → leader in charge). A missed
 * sign window or reply deadline starts the ladder at its first step.
 */
final class SupervisionRules {
    private SupervisionRules() {
    }

    static Transition markDispatchOverdue(Ticket t, Instant at, Actor actor) {
        Guards.inState(t, "mark dispatch overdue on", RECEIVED, AWAITING_DISPATCH, JOINT_REVIEW);
        TicketBuilder b = t.toBuilder();
        b.supervision = t.supervision().dispatchMissed();
        return b.record(t, EventType.DISPATCH_OVERDUE, at, actor, Map.of("dispatchDueAt", String.valueOf(t.dispatchDueAt())));
    }

    static Transition markSignOverdue(Ticket t, Instant at, Actor actor) {
        Guards.inState(t, "mark sign overdue on", DISPATCHED);
        TicketBuilder b = t.toBuilder();
        b.supervision = t.supervision().signMissed();
        return b.record(t, EventType.SIGN_OVERDUE, at, actor, Map.of("unit", t.leadUnit(),
                "signDueAt", t.signDueAt().toString(), "escalationLevel", Integer.toString(b.supervision.escalationLevel())));
    }

    static Transition remindReply(Ticket t, Instant at, Actor actor) {
        Guards.inState(t, "remind the unit of", DISPATCHED, SIGNED);
        TicketBuilder b = t.toBuilder();
        b.supervision = t.supervision().reminded(at);
        return b.record(t, EventType.REPLY_REMINDED, at, actor, Map.of("unit", t.leadUnit(), "replyDueAt", t.replyDueAt().toString()));
    }

    static Transition markReplyOverdue(Ticket t, Instant at, Actor actor) {
        Guards.inState(t, "mark reply overdue on", DISPATCHED, SIGNED);
        TicketBuilder b = t.toBuilder();
        b.supervision = t.supervision().replyMissed(at);
        return b.record(t, EventType.REPLY_OVERDUE, at, actor, Map.of("unit", t.leadUnit(),
                "replyDueAt", t.replyDueAt().toString(), "escalationLevel", Integer.toString(b.supervision.escalationLevel())));
    }

    static Transition escalate(Ticket t, Instant at, Actor actor) {
        Guards.inState(t, "escalate", DISPATCHED, SIGNED);
        if (!t.overdue()) {
            throw Refusal.wrongState("only an overdue ticket is escalated");
        }
        TicketBuilder b = t.toBuilder();
        b.supervision = t.supervision().escalated();
        int level = b.supervision.escalationLevel();
        return b.record(t, EventType.ESCALATED, at, actor, Map.of("unit", t.leadUnit(),
                "escalationLevel", Integer.toString(level), "step", EscalationStep.of(level).code()));
    }
}
