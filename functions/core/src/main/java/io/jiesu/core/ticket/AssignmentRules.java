package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.core.deadline.Deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jiesu.core.ticket.TicketState.*;

/**
 * Who holds the ticket (docs/domain.md, "The life of a ticket" 2–4): dispatch (派单) to a lead unit and
 * co-units, the unit's sign (签收) within its window, its return (退回) of a matter outside its remit within the
 * return window, and the rerouting after a return, to joint review (联席研判) when the ticket keeps bouncing.
 */
final class AssignmentRules {
    private AssignmentRules() {
    }

    static Transition dispatch(Ticket t, String lead, List<String> co, Instant at, Actor actor, Deadlines deadlines) {
        Guards.inState(t, "dispatch", RECEIVED, AWAITING_DISPATCH, JOINT_REVIEW);
        if (lead == null || lead.isBlank()) {
            throw Refusal.invalid("leadUnit", "a dispatch names its lead unit");
        }
        // joint review is where the centre fixes the lead unit, even to one that returned the ticket
        if (t.state() != JOINT_REVIEW && t.returnedBy().contains(lead)) {
            throw Refusal.invalid("leadUnit", lead + " returned this ticket as outside its remit;"
                    + " route it elsewhere, or fix its lead unit in joint review");
        }
        List<String> coUnits = co == null ? List.of() : co.stream().filter(u -> !u.equals(lead)).distinct().toList();
        TicketBuilder b = t.toBuilder();
        b.leadUnit = lead;
        b.coUnits = coUnits;
        b.routing = routing(t).by(t.state() == JOINT_REVIEW ? Routing.DispatchedBy.JOINT_REVIEW
                : actor.role() == Role.SYSTEM ? Routing.DispatchedBy.CATALOGUE : Routing.DispatchedBy.DISPATCHER);
        startRound(t, b, at, deadlines);
        return b.record(t, EventType.TICKET_DISPATCHED, at, actor, Map.of(
                "leadUnit", lead, "coUnits", String.join(",", coUnits),
                "signDueAt", b.signDueAt.toString(), "replyDueAt", b.replyDueAt.toString()));
    }

    /** The router's dispatch: the same rule as any dispatch, recorded as the router's with what it proposed. */
    static Transition dispatchByRouter(Ticket t, String lead, List<Routing.Suggestion> suggestions,
                                       String modelVersion, Instant at, Actor actor, Deadlines deadlines) {
        Transition d = dispatch(t, lead, List.of(), at, actor, deadlines);
        TicketBuilder b = d.after().toBuilder();
        b.routing = new Routing(Routing.DispatchedBy.ROUTER, suggestions, modelVersion);
        return b.record(t, d.event().type(), at, actor, d.event().detail());
    }

    static Transition awaitDispatcher(Ticket t, String why, List<Routing.Suggestion> suggestions, String modelVersion,
                                      Instant at, Actor actor) {
        Guards.inState(t, "hold for a dispatcher", RECEIVED);
        TicketBuilder b = t.toBuilder();
        b.state = AWAITING_DISPATCH;
        b.routing = new Routing(null, suggestions, modelVersion);
        return b.record(t, EventType.AWAITING_DISPATCHER, at, actor, Map.of("reason", why));
    }

    /** Signing late is allowed but recorded: it counts against the unit's response rate. */
    static Transition sign(Ticket t, Instant at, Actor actor, Deadlines deadlines) {
        Guards.leadUnit(t, actor, "sign");
        Guards.inState(t, "sign", DISPATCHED);
        TicketBuilder b = t.toBuilder();
        b.state = SIGNED;
        b.signedAt = at;
        b.signedLate = at.isAfter(t.signDueAt());
        b.returnDueAt = deadlines.returnDue(at);
        return b.record(t, EventType.TICKET_SIGNED, at, actor, Map.of(
                "late", Boolean.toString(b.signedLate), "returnDueAt", b.returnDueAt.toString()));
    }

    static Transition returnToCentre(Ticket t, String reason, Instant at, Actor actor) {
        Guards.leadUnit(t, actor, "return");
        Guards.inState(t, "return", SIGNED);
        Guards.text(reason, "reason", "a return must say why the matter is outside the unit's remit");
        if (at.isAfter(t.returnDueAt())) {
            throw Refusal.windowClosed(
                    "the return window closed at " + t.returnDueAt() + "; handle the ticket or ask the centre");
        }
        TicketBuilder b = t.toBuilder();
        b.state = RETURNED;
        List<String> returned = new ArrayList<>(t.returnedBy());
        returned.add(t.leadUnit());
        b.returnedBy = returned;
        return b.record(t, EventType.TICKET_RETURNED, at, actor, Map.of("unit", t.leadUnit(), "reason", reason));
    }

    private static Routing routing(Ticket t) {
        return t.routing() == null ? new Routing(null, List.of(), null) : t.routing();
    }

    static Transition reroute(Ticket t, int returnsBeforeJointReview, Instant at, Actor actor) {
        Guards.inState(t, "reroute", RETURNED);
        TicketBuilder b = t.toBuilder();
        b.leadUnit = null;
        b.coUnits = List.of();
        b.signDueAt = null;
        b.replyDueAt = null;
        if (t.returnedBy().size() >= returnsBeforeJointReview) {
            b.state = JOINT_REVIEW;
            return b.record(t, EventType.SENT_TO_JOINT_REVIEW, at, actor,
                    Map.of("returns", Integer.toString(t.returnedBy().size())));
        }
        b.state = RECEIVED;
        return b.record(t, EventType.SENT_FOR_REROUTING, at, actor,
                Map.of("excludedUnits", String.join(",", t.returnedBy())));
    }

    /**
     * A unit's round of handling starts afresh, on a dispatch or a reopening: new sign and reply deadlines, and
     * nothing of an earlier round (its contacts, reply or rating) counts for this one. A provincial ticket, or
     * one reopened often enough, needs a face-to-face visit (三个见面) before its reply.
     */
    static void startRound(Ticket t, TicketBuilder b, Instant at, Deadlines deadlines) {
        b.state = DISPATCHED;
        b.dispatchedAt = at;
        b.signDueAt = deadlines.signDue(at);
        b.signedAt = null;
        b.signedLate = false;
        b.returnDueAt = null;
        b.replyDueAt = deadlines.replyDue(t.category(), at, t.provincial());
        b.supervision = new Ticket.Supervision(false, false, null, null, 0,
                t.provincial() || b.reopenCount >= deadlines.policy().supervision().onSiteAfterReopens(), false);
        b.extensions = List.of();
        b.firstContactAt = null;
        b.resultContactAt = null;
        b.onSiteContactAt = null;
        b.reply = null;
        b.repliedAt = null;
        b.callbackDueAt = null;
        b.callback = null;
    }
}
