package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.core.deadline.Deadlines;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.jiesu.core.ticket.TicketState.*;

/**
 * The callback (回访, docs/domain.md "The life of a ticket" 7): the centre asks the citizen within the callback
 * window; satisfied or basically satisfied closes the ticket; unsatisfied with a reasonable demand reopens it
 * (重办) to the same unit, unsatisfied beyond law or policy closes it as explained; no answer within the window
 * counts as basically satisfied.
 */
final class CallbackRules {
    private CallbackRules() {
    }

    static Transition openWindow(Ticket t, Instant at, Actor actor, Deadlines deadlines) {
        Guards.inState(t, "open the callback window of", REPLIED);
        TicketBuilder b = t.toBuilder();
        b.state = AWAITING_CALLBACK;
        b.callbackDueAt = deadlines.callbackDue(at);
        return b.record(t, EventType.CALLBACK_WINDOW_OPENED, at, actor,
                Map.of("callbackDueAt", b.callbackDueAt.toString()));
    }

    static Transition record(Ticket t, CallbackResult result, Instant at, Actor actor) {
        Guards.inState(t, "record a callback on", AWAITING_CALLBACK);
        if (result.satisfaction() == null) {
            throw Refusal.invalid("satisfaction", "satisfaction is satisfied, basically_satisfied or unsatisfied");
        }
        if (result.satisfaction() == Satisfaction.UNSATISFIED && result.demandReasonable() == null) {
            throw Refusal.invalid("demandReasonable",
                    "an unsatisfied rating says whether the demand is reasonable (reopen) or beyond policy (explain)");
        }
        TicketBuilder b = t.toBuilder();
        b.state = RATED;
        b.callback = result;
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("satisfaction", result.satisfaction().code());
        detail.put("solved", Boolean.toString(result.solved()));
        if (result.demandReasonable() != null) {
            detail.put("demandReasonable", result.demandReasonable().toString());
        }
        return b.record(t, EventType.CALLBACK_RECORDED, at, actor, detail);
    }

    static Transition settle(Ticket t, Instant at, Actor actor, Deadlines deadlines) {
        Guards.inState(t, "settle the callback of", RATED);
        TicketBuilder b = t.toBuilder();
        if (t.callback().reopens()) {
            b.reopenCount = t.reopenCount() + 1;
            AssignmentRules.startRound(t, b, at, deadlines);
            return b.record(t, EventType.TICKET_REOPENED, at, actor, Map.of(
                    "leadUnit", t.leadUnit(), "reopenCount", Integer.toString(b.reopenCount),
                    "replyDueAt", b.replyDueAt.toString()));
        }
        b.state = CLOSED;
        b.closedAt = at;
        b.closure = switch (t.callback().satisfaction()) {
            case SATISFIED -> Closure.SATISFIED;
            case BASICALLY_SATISFIED -> Closure.BASICALLY_SATISFIED;
            case UNSATISFIED -> Closure.EXPLAINED;
        };
        return b.record(t, EventType.TICKET_CLOSED, at, actor, Map.of("closure", b.closure.code()));
    }

    /** The ticket is archived; the unanswered callback is kept, since the rates count it as a rating. */
    static Transition closeUnanswered(Ticket t, Instant at, Actor actor) {
        Guards.inState(t, "close unanswered", AWAITING_CALLBACK);
        TicketBuilder b = t.toBuilder();
        b.state = CLOSED;
        b.closedAt = at;
        b.closure = Closure.BASICALLY_SATISFIED;
        b.supervision = t.supervision().unansweredCallback();
        return b.record(t, EventType.TICKET_CLOSED, at, actor,
                Map.of("closure", Closure.BASICALLY_SATISFIED.code(), "callback", "no_answer"));
    }
}
