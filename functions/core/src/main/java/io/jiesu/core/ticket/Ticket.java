package io.jiesu.core.ticket;

import io.jiesu.core.deadline.Deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jiesu.core.ticket.TicketState.*;

/**
 * A ticket (工单) and the transitions allowed between its states. Immutable: every transition returns the
 * next ticket (version + 1) and the event that records it; a step not allowed from the current state is
 * refused with a {@link TicketRefusal}.
 */
public record Ticket(
        String id, long version, TicketState state,
        Category category, Channel channel, String content, Citizen citizen, String location, String matter,
        Instant receivedAt, Instant dispatchDueAt,
        String leadUnit, List<String> coUnits, Instant dispatchedAt, Instant signDueAt,
        Instant signedAt, boolean signedLate, Instant returnDueAt, List<String> returnedBy,
        Instant replyDueAt, Instant firstContactAt, Instant resultContactAt, Instant onSiteContactAt,
        Reply reply, Instant repliedAt, Instant callbackDueAt, CallbackResult callback,
        int reopenCount, Closure closure, Instant closedAt, String filedBy,
        Supervision supervision, List<Extension> extensions, ProvinceRef province) {

    /** A ticket sent down by a provincial platform: which one, and its number there (status goes back to it). */
    public record ProvinceRef(String code, String ticketId) {
    }

    /**
     * Where supervision (督办) stands in this round of handling: missed windows, the reminder, the escalation
     * ladder's step (0 none, 1 system notice, 2 official document, 3 leader in charge), and whether the reply
     * needs a face-to-face visit (三个见面).
     */
    public record Supervision(boolean dispatchOverdue, boolean signOverdue, Instant remindedAt, Instant overdueAt,
                              int escalationLevel, boolean onSiteRequired, boolean callbackUnanswered) {
        static final Supervision NONE = new Supervision(false, false, null, null, 0, false, false);
    }

    public Ticket {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        returnedBy = returnedBy == null ? List.of() : List.copyOf(returnedBy);
        supervision = supervision == null ? Supervision.NONE : supervision;
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** Sent down by the provincial platform: such tickets may run on a shorter clock and need a visit. */
    public boolean provincial() {
        return channel == Channel.PROVINCE || province != null;
    }


    public boolean overdue() {
        return supervision.overdueAt() != null;
    }

    public java.util.Optional<Extension> pendingExtension() {
        return extensions.stream().filter(e -> e.status() == Extension.Status.PENDING).findFirst();
    }

    // ---- intake ----------------------------------------------------------------------------------------

    /**
     * Intake at the hotline (phone, online, the leader hotline). A provincial ticket is not taken in here: it
     * comes down only through the province's signed webhook, with its provincial number ({@link #receiveFromProvince}),
     * since the flag shortens its clock and requires a visit.
     */
    public static Transition receive(String id, NewTicket in, Instant at, Actor actor, Deadlines deadlines) {
        if (in.channel() == Channel.PROVINCE) {
            throw TicketRefusal.invalid("channel",
                    "provincial tickets come only through the provincial platform's signed webhook");
        }
        return receive(id, in, null, at, actor, deadlines);
    }

    /** Intake of a ticket sent down by a provincial platform: it keeps its provincial number and flag throughout. */
    public static Transition receiveFromProvince(String id, NewTicket in, ProvinceRef province, Instant at, Actor actor,
                                                 Deadlines deadlines) {
        if (province == null) {
            throw new IllegalArgumentException("a provincial ticket keeps its provincial number");
        }
        return receive(id, in, province, at, actor, deadlines);
    }

    private static Transition receive(String id, NewTicket in, ProvinceRef province, Instant at, Actor actor,
                                      Deadlines deadlines) {
        if (in.answeredOnSpot() && in.category() != Category.CONSULTATION) {
            throw TicketRefusal.invalid("answeredOnSpot", "only a consultation can be answered on the spot");
        }
        Builder b = new Builder();
        b.id = id;
        b.category = in.category();
        // the province channel and the provincial number go together, and only together
        b.channel = province != null ? Channel.PROVINCE : in.channel();
        b.content = in.content();
        b.citizen = in.citizen();
        b.location = in.location();
        b.matter = in.matter();
        b.receivedAt = at;
        b.province = province;
        // a citizen who filed it may follow it; staff filing for a caller are in the history
        b.filedBy = actor.role() == Role.CITIZEN ? actor.id() : null;
        Ticket none = b.build();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("category", in.category().code());
        detail.put("channel", b.channel.code());
        if (province != null) {
            detail.put("province", province.code());
            detail.put("provinceTicketId", province.ticketId());
        }
        if (in.answeredOnSpot()) {
            b.state = CLOSED;
            b.closure = Closure.ANSWERED_ON_SPOT;
            b.closedAt = at;
            return next(none, b, EventType.ANSWERED_ON_SPOT, at, actor, detail);
        }
        b.state = RECEIVED;
        b.dispatchDueAt = deadlines.dispatchDue(in.category(), at);
        detail.put("dispatchDueAt", b.dispatchDueAt.toString());
        return next(none, b, EventType.TICKET_RECEIVED, at, actor, detail);
    }

    // ---- dispatch --------------------------------------------------------------------------------------

    /** Routes to a lead unit (and co-units): automatically from the catalogue or by a dispatcher's hand. */
    public Transition dispatch(String lead, List<String> co, Instant at, Actor actor, Deadlines deadlines) {
        require("dispatch", RECEIVED, AWAITING_DISPATCH, JOINT_REVIEW);
        if (lead == null || lead.isBlank()) {
            throw TicketRefusal.invalid("leadUnit", "a dispatch names its lead unit");
        }
        if (state != JOINT_REVIEW && returnedBy.contains(lead)) {
            throw TicketRefusal.invalid("leadUnit", lead + " returned this ticket as outside its remit;"
                    + " route it elsewhere, or fix its lead unit in joint review");
        }
        List<String> coUnits = co == null ? List.of() : co.stream().filter(u -> !u.equals(lead)).distinct().toList();
        Builder b = toBuilder();
        b.leadUnit = lead;
        b.coUnits = coUnits;
        startRound(b, at, deadlines);
        return next(this, b, EventType.TICKET_DISPATCHED, at, actor, Map.of(
                "leadUnit", lead, "coUnits", String.join(",", coUnits),
                "signDueAt", b.signDueAt.toString(), "replyDueAt", b.replyDueAt.toString()));
    }

    /** Nothing in the catalogue fits: a dispatcher routes it by hand. */
    public Transition awaitDispatcher(String why, Instant at, Actor actor) {
        require("hold for a dispatcher", RECEIVED);
        Builder b = toBuilder();
        b.state = AWAITING_DISPATCH;
        return next(this, b, EventType.AWAITING_DISPATCHER, at, actor, Map.of("reason", why));
    }

    // ---- the unit ----------------------------------------------------------------------------------------

    public Transition sign(Instant at, Actor actor, Deadlines deadlines) {
        requireLeadUnit(actor, "sign");
        require("sign", DISPATCHED);
        Builder b = toBuilder();
        b.state = SIGNED;
        b.signedAt = at;
        b.signedLate = at.isAfter(signDueAt);
        b.returnDueAt = deadlines.returnDue(at);
        return next(this, b, EventType.TICKET_SIGNED, at, actor, Map.of(
                "late", Boolean.toString(b.signedLate), "returnDueAt", b.returnDueAt.toString()));
    }

    /** The unit finds the matter outside its remit (退回). Only inside the return window after signing. */
    public Transition returnToCentre(String reason, Instant at, Actor actor) {
        requireLeadUnit(actor, "return");
        require("return", SIGNED);
        if (reason == null || reason.isBlank()) {
            throw TicketRefusal.invalid("reason", "a return must say why the matter is outside the unit's remit");
        }
        if (at.isAfter(returnDueAt)) {
            throw new TicketRefusal(TicketRefusal.Reason.WINDOW_CLOSED, null,
                    "the return window closed at " + returnDueAt + "; handle the ticket or ask the centre");
        }
        Builder b = toBuilder();
        b.state = RETURNED;
        List<String> returned = new ArrayList<>(returnedBy);
        returned.add(leadUnit);
        b.returnedBy = returned;
        return next(this, b, EventType.TICKET_RETURNED, at, actor, Map.of("unit", leadUnit, "reason", reason));
    }

    /** After a return: route again automatically, or to joint review when it keeps bouncing. */
    public Transition reroute(int returnsBeforeJointReview, Instant at, Actor actor) {
        require("reroute", RETURNED);
        Builder b = toBuilder();
        b.leadUnit = null;
        b.coUnits = List.of();
        b.signDueAt = null;
        b.replyDueAt = null;
        if (returnedBy.size() >= returnsBeforeJointReview) {
            b.state = JOINT_REVIEW;
            return next(this, b, EventType.SENT_TO_JOINT_REVIEW, at, actor,
                    Map.of("returns", Integer.toString(returnedBy.size())));
        }
        b.state = RECEIVED;
        return next(this, b, EventType.SENT_FOR_REROUTING, at, actor,
                Map.of("excludedUnits", String.join(",", returnedBy)));
    }

    public Transition recordContact(ContactKind kind, String note, Instant at, Actor actor) {
        requireLeadUnit(actor, "record a contact on");
        require("record a contact on", SIGNED);
        Builder b = toBuilder();
        switch (kind) {
            case FIRST -> b.firstContactAt = at;
            case RESULT -> b.resultContactAt = at;
            case ON_SITE -> b.onSiteContactAt = at;
        }
        return next(this, b, EventType.CITIZEN_CONTACTED, at, actor,
                note == null || note.isBlank() ? Map.of("kind", kind.code()) : Map.of("kind", kind.code(), "note", note));
    }

    public Transition reply(Reply reply, Instant at, Actor actor) {
        requireLeadUnit(actor, "reply to");
        require("reply to", SIGNED);
        requireText(reply.result(), "result", "the reply must say what was done: no empty answer");
        if (reply.outcome() == null) {
            throw TicketRefusal.invalid("outcome", "outcome is solved or explained");
        }
        if (reply.outcome() == Outcome.EXPLAINED) {
            requireText(reply.policyBasis(), "policyBasis", "an explained reply cites the policy basis");
        }
        requireText(reply.handlerName(), "handlerName", "the reply names its handler (谁办理谁负责)");
        requireText(reply.handlerPhone(), "handlerPhone", "the reply gives the handler's phone");
        requireText(reply.reviewer(), "reviewer", "the unit's reviewer approves every reply");
        if (firstContactAt == null) {
            throw TicketRefusal.invalid("contacts", "record the first contact with the citizen before replying");
        }
        if (supervision.onSiteRequired() && onSiteContactAt == null) {
            throw TicketRefusal.invalid("contacts", (provincial() ? "a provincial ticket" : "a ticket reopened "
                    + reopenCount + " times") + " needs a face-to-face visit (on_site contact) before its reply");
        }
        Builder b = toBuilder();
        b.state = REPLIED;
        b.reply = reply;
        b.repliedAt = at;
        return next(this, b, EventType.TICKET_REPLIED, at, actor, Map.of(
                "outcome", reply.outcome().code(), "onTime", Boolean.toString(!at.isAfter(replyDueAt))));
    }

    // ---- callback ------------------------------------------------------------------------------------------

    public Transition openCallbackWindow(Instant at, Actor actor, Deadlines deadlines) {
        require("open the callback window of", REPLIED);
        Builder b = toBuilder();
        b.state = AWAITING_CALLBACK;
        b.callbackDueAt = deadlines.callbackDue(at);
        return next(this, b, EventType.CALLBACK_WINDOW_OPENED, at, actor,
                Map.of("callbackDueAt", b.callbackDueAt.toString()));
    }

    public Transition recordCallback(CallbackResult result, Instant at, Actor actor) {
        require("record a callback on", AWAITING_CALLBACK);
        if (result.satisfaction() == null) {
            throw TicketRefusal.invalid("satisfaction", "satisfaction is satisfied, basically_satisfied or unsatisfied");
        }
        if (result.satisfaction() == Satisfaction.UNSATISFIED && result.demandReasonable() == null) {
            throw TicketRefusal.invalid("demandReasonable",
                    "an unsatisfied rating says whether the demand is reasonable (reopen) or beyond policy (explain)");
        }
        Builder b = toBuilder();
        b.state = RATED;
        b.callback = result;
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("satisfaction", result.satisfaction().code());
        detail.put("solved", Boolean.toString(result.solved()));
        if (result.demandReasonable() != null) {
            detail.put("demandReasonable", result.demandReasonable().toString());
        }
        return next(this, b, EventType.CALLBACK_RECORDED, at, actor, detail);
    }

    /** Closes on a satisfied rating or an explained one; reopens (重办) to the same unit on a reasonable demand. */
    public Transition settleCallback(Instant at, Actor actor, Deadlines deadlines) {
        require("settle the callback of", RATED);
        Builder b = toBuilder();
        if (callback.reopens()) {
            b.reopenCount = reopenCount + 1;
            startRound(b, at, deadlines);
            return next(this, b, EventType.TICKET_REOPENED, at, actor, Map.of(
                    "leadUnit", leadUnit, "reopenCount", Integer.toString(b.reopenCount),
                    "replyDueAt", b.replyDueAt.toString()));
        }
        b.state = CLOSED;
        b.closedAt = at;
        b.closure = switch (callback.satisfaction()) {
            case SATISFIED -> Closure.SATISFIED;
            case BASICALLY_SATISFIED -> Closure.BASICALLY_SATISFIED;
            case UNSATISFIED -> Closure.EXPLAINED;
        };
        return next(this, b, EventType.TICKET_CLOSED, at, actor, Map.of("closure", b.closure.code()));
    }

    // ---- deadlines (the deadline stage, when a timer fires) -------------------------------------------------

    public Transition markDispatchOverdue(Instant at, Actor actor) {
        require("mark dispatch overdue on", RECEIVED, AWAITING_DISPATCH, JOINT_REVIEW);
        Builder b = toBuilder();
        b.supervision = with(true, supervision.signOverdue(), supervision.remindedAt(), supervision.overdueAt(),
                supervision.escalationLevel());
        return next(this, b, EventType.DISPATCH_OVERDUE, at, actor, Map.of("dispatchDueAt", String.valueOf(dispatchDueAt)));
    }

    /** The sign window passed unsigned: marked and escalated to the ladder's first step. */
    public Transition markSignOverdue(Instant at, Actor actor) {
        require("mark sign overdue on", DISPATCHED);
        Builder b = toBuilder();
        int level = Math.max(1, supervision.escalationLevel());
        b.supervision = with(supervision.dispatchOverdue(), true, supervision.remindedAt(), supervision.overdueAt(), level);
        return next(this, b, EventType.SIGN_OVERDUE, at, actor, Map.of("unit", leadUnit,
                "signDueAt", signDueAt.toString(), "escalationLevel", Integer.toString(level)));
    }

    public Transition remindReply(Instant at, Actor actor) {
        require("remind the unit of", DISPATCHED, SIGNED);
        Builder b = toBuilder();
        b.supervision = with(supervision.dispatchOverdue(), supervision.signOverdue(), at, supervision.overdueAt(),
                supervision.escalationLevel());
        return next(this, b, EventType.REPLY_REMINDED, at, actor, Map.of("unit", leadUnit, "replyDueAt", replyDueAt.toString()));
    }

    /** The reply deadline passed: overdue, and the ladder's first step (system notice). */
    public Transition markReplyOverdue(Instant at, Actor actor) {
        require("mark reply overdue on", DISPATCHED, SIGNED);
        Builder b = toBuilder();
        int level = Math.max(1, supervision.escalationLevel());
        b.supervision = with(supervision.dispatchOverdue(), supervision.signOverdue(), supervision.remindedAt(), at, level);
        return next(this, b, EventType.REPLY_OVERDUE, at, actor, Map.of("unit", leadUnit,
                "replyDueAt", replyDueAt.toString(), "escalationLevel", Integer.toString(level)));
    }

    /** One step up the ladder: system notice, official-document supervision, leader in charge. */
    public Transition escalate(Instant at, Actor actor) {
        require("escalate", DISPATCHED, SIGNED);
        if (!overdue()) {
            throw new TicketRefusal(TicketRefusal.Reason.WRONG_STATE, null, "only an overdue ticket is escalated");
        }
        Builder b = toBuilder();
        int level = supervision.escalationLevel() + 1;
        b.supervision = with(supervision.dispatchOverdue(), supervision.signOverdue(), supervision.remindedAt(),
                supervision.overdueAt(), level);
        return next(this, b, EventType.ESCALATED, at, actor, Map.of("unit", leadUnit,
                "escalationLevel", Integer.toString(level), "step", EscalationStep.of(level).code()));
    }

    /** No answer within the callback window counts as basically satisfied; the ticket is archived. */
    public Transition closeUnanswered(Instant at, Actor actor) {
        require("close unanswered", AWAITING_CALLBACK);
        Builder b = toBuilder();
        b.state = CLOSED;
        b.closedAt = at;
        b.closure = Closure.BASICALLY_SATISFIED;
        b.supervision = new Supervision(supervision.dispatchOverdue(), supervision.signOverdue(), supervision.remindedAt(),
                supervision.overdueAt(), supervision.escalationLevel(), supervision.onSiteRequired(), true);
        return next(this, b, EventType.TICKET_CLOSED, at, actor,
                Map.of("closure", Closure.BASICALLY_SATISFIED.code(), "callback", "no_answer"));
    }

    // ---- extensions ----------------------------------------------------------------------------------------

    /**
     * The lead unit asks for more working days, with a reason, before its reply is due. Limits (DOMAIN.md): a
     * consultation at most 3 working days in all, a help request or suggestion 5, a complaint or report at most
     * two extensions of 10.
     */
    public Transition requestExtension(int days, String reason, Instant at, Actor actor, Deadlines deadlines) {
        requireLeadUnit(actor, "ask for an extension of");
        require("extend", DISPATCHED, SIGNED);
        requireText(reason, "reason", "an extension request says why more time is needed");
        if (days < 1) {
            throw TicketRefusal.invalid("days", "ask for at least one working day");
        }
        if (pendingExtension().isPresent()) {
            throw new TicketRefusal(TicketRefusal.Reason.WRONG_STATE, null,
                    "an extension request is already waiting for the hotline centre");
        }
        if (at.isAfter(replyDueAt)) {
            throw new TicketRefusal(TicketRefusal.Reason.WINDOW_CLOSED, null,
                    "the reply was due at " + replyDueAt + "; an extension is asked for before the deadline");
        }
        var policy = deadlines.policy();
        List<Extension> approved = extensions.stream().filter(e -> e.status() == Extension.Status.APPROVED).toList();
        var step = policy.extensionDays(category);
        if (step.isPresent()) {
            int allowed = policy.maxExtensions(category).orElse(0);
            if (approved.size() >= allowed) {
                throw TicketRefusal.invalid("days", "a " + category.code() + " may be extended at most " + allowed + " times");
            }
            if (days > step.getAsInt()) {
                throw TicketRefusal.invalid("days", "one extension of a " + category.code() + " adds at most "
                        + step.getAsInt() + " working days");
            }
        } else {
            int soFar = deadlines.replyDays(category, provincial()) + approved.stream().mapToInt(Extension::days).sum();
            if (soFar + days > policy.maxDays(category)) {
                throw TicketRefusal.invalid("days", "a " + category.code() + " runs at most " + policy.maxDays(category)
                        + " working days in all; " + (policy.maxDays(category) - soFar) + " more can be asked for");
            }
        }
        Builder b = toBuilder();
        List<Extension> all = new ArrayList<>(extensions);
        all.add(new Extension(days, reason, at, actor.id(), Extension.Status.PENDING, null, null, null));
        b.extensions = all;
        return next(this, b, EventType.EXTENSION_REQUESTED, at, actor, Map.of("days", Integer.toString(days), "reason", reason));
    }

    /** The hotline centre approves (the deadline and its timer move) or refuses the waiting request. */
    public Transition decideExtension(boolean approve, String note, Instant at, Actor actor, Deadlines deadlines) {
        require("decide an extension of", DISPATCHED, SIGNED);
        Extension pending = pendingExtension().orElseThrow(() -> new TicketRefusal(TicketRefusal.Reason.WRONG_STATE,
                null, "no extension request is waiting"));
        Builder b = toBuilder();
        List<Extension> all = new ArrayList<>(extensions);
        all.set(all.indexOf(pending), pending.decided(approve, at, actor.id(), note));
        b.extensions = all;
        if (!approve) {
            return next(this, b, EventType.EXTENSION_REFUSED, at, actor, note == null ? Map.of() : Map.of("note", note));
        }
        b.replyDueAt = deadlines.extended(replyDueAt, pending.days());
        // a new deadline gets its own reminder; an overdue ticket is not extended (refused above)
        b.supervision = with(supervision.dispatchOverdue(), supervision.signOverdue(), null, null, supervision.escalationLevel());
        return next(this, b, EventType.EXTENSION_APPROVED, at, actor, Map.of(
                "days", Integer.toString(pending.days()), "replyDueAt", b.replyDueAt.toString()));
    }

    private Supervision with(boolean dispatchOverdue, boolean signOverdue, Instant remindedAt, Instant overdueAt, int level) {
        return new Supervision(dispatchOverdue, signOverdue, remindedAt, overdueAt, level, supervision.onSiteRequired(),
                supervision.callbackUnanswered());
    }

    // ---- queries -----------------------------------------------------------------------------------------

    /** The units that hold this ticket now (lead first), as their inboxes show it. */
    public List<String> assignedUnits() {
        if (leadUnit == null || state == CLOSED || state == RETURNED) {
            return List.of();
        }
        List<String> units = new ArrayList<>();
        units.add(leadUnit);
        units.addAll(coUnits);
        return units;
    }

    public boolean assignedTo(String unitId) {
        return unitId != null && assignedUnits().contains(unitId);
    }

    /** The deadline the ticket's holder is working to now, for the inbox's order. */
    public Instant currentDue() {
        return switch (state) {
            case RECEIVED, AWAITING_DISPATCH, JOINT_REVIEW -> dispatchDueAt;
            case DISPATCHED -> signDueAt;
            case SIGNED -> replyDueAt;
            case AWAITING_CALLBACK -> callbackDueAt;
            default -> null;
        };
    }

    // ---- internals -----------------------------------------------------------------------------------------

    /**
     * A unit's round of handling starts afresh, on a dispatch or a reopening: new sign and reply deadlines, and
     * nothing of an earlier round (its contacts, reply or rating) counts for this one.
     */
    private void startRound(Builder b, Instant at, Deadlines deadlines) {
        b.state = DISPATCHED;
        b.dispatchedAt = at;
        b.signDueAt = deadlines.signDue(at);
        b.signedAt = null;
        b.signedLate = false;
        b.returnDueAt = null;
        b.replyDueAt = deadlines.replyDue(category, at, provincial());
        b.supervision = new Supervision(false, false, null, null, 0,
                provincial() || b.reopenCount >= deadlines.policy().supervision().onSiteAfterReopens(), false);
        b.extensions = List.of();
        b.firstContactAt = null;
        b.resultContactAt = null;
        b.onSiteContactAt = null;
        b.reply = null;
        b.repliedAt = null;
        b.callbackDueAt = null;
        b.callback = null;
    }

    private void require(String step, TicketState... allowed) {
        for (TicketState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw TicketRefusal.wrongState(step, state, allowed);
    }

    /**
     * Checked before the state: a unit that may not act on the ticket (a co-unit, a unit it was taken from)
     * learns nothing about where the ticket stands from the refusal.
     */
    private void requireLeadUnit(Actor actor, String step) {
        if (actor.role() == Role.UNIT || actor.role() == Role.REVIEWER) {
            // a ticket with no lead unit yet is in no state a unit acts in: the state check refuses it
            if (leadUnit != null && !leadUnit.equals(actor.unitId())) {
                throw new TicketRefusal(TicketRefusal.Reason.NOT_ASSIGNED, null,
                        "only the lead unit can " + step + " this ticket");
            }
        }
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw TicketRefusal.invalid(field, message);
        }
    }

    private static Transition next(Ticket before, Builder b, EventType type, Instant at, Actor actor,
                                   Map<String, String> detail) {
        b.version = before.version + 1;
        Ticket after = b.build();
        return new Transition(before, after, new TicketEvent(after.id, after.version, type, at, actor, detail));
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Field-by-field copy used by the transitions above. */
    static final class Builder {
        String id; long version; TicketState state;
        Category category; Channel channel; String content; Citizen citizen; String location; String matter;
        Instant receivedAt, dispatchDueAt;
        String leadUnit; List<String> coUnits = List.of(); Instant dispatchedAt, signDueAt;
        Instant signedAt; boolean signedLate; Instant returnDueAt; List<String> returnedBy = List.of();
        Instant replyDueAt, firstContactAt, resultContactAt, onSiteContactAt;
        Reply reply; Instant repliedAt, callbackDueAt; CallbackResult callback;
        int reopenCount; Closure closure; Instant closedAt; String filedBy;
        Supervision supervision; List<Extension> extensions = List.of(); ProvinceRef province;

        Builder() {
        }

        Builder(Ticket t) {
            id = t.id; version = t.version; state = t.state;
            category = t.category; channel = t.channel; content = t.content; citizen = t.citizen;
            location = t.location; matter = t.matter; receivedAt = t.receivedAt; dispatchDueAt = t.dispatchDueAt;
            leadUnit = t.leadUnit; coUnits = t.coUnits; dispatchedAt = t.dispatchedAt; signDueAt = t.signDueAt;
            signedAt = t.signedAt; signedLate = t.signedLate; returnDueAt = t.returnDueAt; returnedBy = t.returnedBy;
            replyDueAt = t.replyDueAt; firstContactAt = t.firstContactAt; resultContactAt = t.resultContactAt;
            onSiteContactAt = t.onSiteContactAt; reply = t.reply; repliedAt = t.repliedAt;
            callbackDueAt = t.callbackDueAt; callback = t.callback; reopenCount = t.reopenCount;
            closure = t.closure; closedAt = t.closedAt; filedBy = t.filedBy;
            supervision = t.supervision; extensions = t.extensions; province = t.province;
        }

        Ticket build() {
            return new Ticket(id, version, state, category, channel, content, citizen, location, matter,
                    receivedAt, dispatchDueAt, leadUnit, coUnits, dispatchedAt, signDueAt, signedAt, signedLate,
                    returnDueAt, returnedBy, replyDueAt, firstContactAt, resultContactAt, onSiteContactAt,
                    reply, repliedAt, callbackDueAt, callback, reopenCount, closure, closedAt, filedBy,
                    supervision, extensions, province);
        }
    }
}
