package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.core.deadline.Deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.jiesu.core.ticket.TicketState.*;

/**
 * A ticket (工单) and the transitions allowed between its states. Immutable: every transition returns the
 * next ticket (version + 1) and the event that records it; a step not allowed from the current state is
 * refused with a {@link Refusal}. The rules of each part of a ticket's life (docs/domain.md, "The life
 * of a ticket") live in their own class, named after that part: {@link IntakeRules}, {@link AssignmentRules},
 * {@link HandlingRules}, {@link ReplyRules}, {@link ExtensionRules}, {@link CallbackRules},
 * {@link SupervisionRules}; the methods here are the entry points the stages and the API call. {@code notice} is
 * the id of the notice (公告) of a cut or closure the ticket was taken in about, when intake found one.
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
        Supervision supervision, List<Extension> extensions, ProvinceRef province, Routing routing, String notice,
        AnsweredFrom answeredFrom) {

    /** A ticket sent down by a provincial platform: which one, and its number there (status goes back to it). */
    public record ProvinceRef(String code, String ticketId) {
    }

    /**
     * Where supervision (督办) stands in this round of handling: missed windows, the reminder, the escalation
     * ladder's step (0 none, 1 system notice, 2 official document, 3 leader in charge), and whether the reply
     * needs a face-to-face visit (三个见面). The changes below are package-private so that they stay out of the
     * ticket's JSON.
     */
    public record Supervision(boolean dispatchOverdue, boolean signOverdue, Instant remindedAt, Instant overdueAt,
                              int escalationLevel, boolean onSiteRequired, boolean callbackUnanswered) {
        static final Supervision NONE = new Supervision(false, false, null, null, 0, false, false);

        Supervision dispatchMissed() {
            return new Supervision(true, signOverdue, remindedAt, overdueAt, escalationLevel, onSiteRequired, callbackUnanswered);
        }

        /** A missed sign window starts the escalation ladder at its first step. */
        Supervision signMissed() {
            return new Supervision(dispatchOverdue, true, remindedAt, overdueAt, Math.max(1, escalationLevel),
                    onSiteRequired, callbackUnanswered);
        }

        Supervision reminded(Instant at) {
            return new Supervision(dispatchOverdue, signOverdue, at, overdueAt, escalationLevel, onSiteRequired, callbackUnanswered);
        }

        /** A missed reply deadline makes the ticket overdue, at the ladder's first step at least. */
        Supervision replyMissed(Instant at) {
            return new Supervision(dispatchOverdue, signOverdue, remindedAt, at, Math.max(1, escalationLevel),
                    onSiteRequired, callbackUnanswered);
        }

        Supervision escalated() {
            return new Supervision(dispatchOverdue, signOverdue, remindedAt, overdueAt, escalationLevel + 1,
                    onSiteRequired, callbackUnanswered);
        }

        /** An extended deadline is reminded again and is not overdue; the ladder's step stays. */
        Supervision newDeadline() {
            return new Supervision(dispatchOverdue, signOverdue, null, null, escalationLevel, onSiteRequired, callbackUnanswered);
        }

        Supervision unansweredCallback() {
            return new Supervision(dispatchOverdue, signOverdue, remindedAt, overdueAt, escalationLevel, onSiteRequired, true);
        }
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

    public Optional<Extension> pendingExtension() {
        return extensions.stream().filter(e -> e.status() == Extension.Status.PENDING).findFirst();
    }

    // ---- intake (受理) -------------------------------------------------------------------------------------

    /** Intake at the hotline (phone, online, the leader hotline); never a provincial ticket. */
    public static Transition receive(String id, NewTicket in, Instant at, Actor actor, Deadlines deadlines) {
        return IntakeRules.atHotline(id, in, null, at, actor, deadlines);
    }

    /** Intake at the hotline of a call about a notice in force (a cut, a closure): linked to it from the start. */
    public static Transition receive(String id, NewTicket in, String notice, Instant at, Actor actor, Deadlines deadlines) {
        return IntakeRules.atHotline(id, in, notice, at, actor, deadlines);
    }

    /** Intake of a ticket sent down by a provincial platform, through its signed webhook. */
    public static Transition receiveFromProvince(String id, NewTicket in, ProvinceRef province, Instant at, Actor actor,
                                                 Deadlines deadlines) {
        return IntakeRules.fromProvince(id, in, province, null, at, actor, deadlines);
    }

    /** Intake of a provincial ticket about a notice in force: linked to it from the start. */
    public static Transition receiveFromProvince(String id, NewTicket in, Ticket.ProvinceRef province, String notice,
                                                 Instant at, Actor actor, Deadlines deadlines) {
        return IntakeRules.fromProvince(id, in, province, notice, at, actor, deadlines);
    }

    // ---- assignment (派单, 签收, 退回) -----------------------------------------------------------------------

    /** Routes to a lead unit (and co-units): automatically from the catalogue or by a dispatcher's hand. */
    public Transition dispatch(String lead, List<String> co, Instant at, Actor actor, Deadlines deadlines) {
        return AssignmentRules.dispatch(this, lead, co, at, actor, deadlines);
    }

    /**
     * The learned router was confident enough: dispatched to its first suggestion, the suggestions and the model's
     * version kept on the ticket.
     */
    public Transition dispatchByRouter(String lead, List<Routing.Suggestion> suggestions, String modelVersion,
                                       Instant at, Actor actor, Deadlines deadlines) {
        return AssignmentRules.dispatchByRouter(this, lead, suggestions, modelVersion, at, actor, deadlines);
    }

    /** Nothing in the catalogue fits: a dispatcher routes it by hand. */
    public Transition awaitDispatcher(String why, Instant at, Actor actor) {
        return AssignmentRules.awaitDispatcher(this, why, List.of(), null, at, actor);
    }

    /** Nobody could decide with confidence: a dispatcher routes it, the router's suggestions in view. */
    public Transition awaitDispatcher(String why, List<Routing.Suggestion> suggestions, String modelVersion,
                                      Instant at, Actor actor) {
        return AssignmentRules.awaitDispatcher(this, why, suggestions, modelVersion, at, actor);
    }

    public Transition sign(Instant at, Actor actor, Deadlines deadlines) {
        return AssignmentRules.sign(this, at, actor, deadlines);
    }

    /** The unit finds the matter outside its remit (退回). Only inside the return window after signing. */
    public Transition returnToCentre(String reason, Instant at, Actor actor) {
        return AssignmentRules.returnToCentre(this, reason, at, actor);
    }

    /** After a return: route again automatically, or to joint review when it keeps bouncing. */
    public Transition reroute(int returnsBeforeJointReview, Instant at, Actor actor) {
        return AssignmentRules.reroute(this, returnsBeforeJointReview, at, actor);
    }

    // ---- handling and reply (办理, 答复) --------------------------------------------------------------------

    public Transition recordContact(ContactKind kind, String note, Instant at, Actor actor) {
        return HandlingRules.recordContact(this, kind, note, at, actor);
    }

    public Transition reply(Reply reply, Instant at, Actor actor) {
        return ReplyRules.reply(this, reply, at, actor);
    }

    /** The lead unit asks for more working days, with a reason, before its reply is due. */
    public Transition requestExtension(int days, String reason, Instant at, Actor actor, Deadlines deadlines) {
        return ExtensionRules.request(this, days, reason, at, actor, deadlines);
    }

    /** The hotline centre approves (the deadline and its timer move) or refuses the waiting request. */
    public Transition decideExtension(boolean approve, String note, Instant at, Actor actor, Deadlines deadlines) {
        return ExtensionRules.decide(this, approve, note, at, actor, deadlines);
    }

    // ---- callback (回访) -------------------------------------------------------------------------------------

    public Transition openCallbackWindow(Instant at, Actor actor, Deadlines deadlines) {
        return CallbackRules.openWindow(this, at, actor, deadlines);
    }

    public Transition recordCallback(CallbackResult result, Instant at, Actor actor) {
        return CallbackRules.record(this, result, at, actor);
    }

    /** Closes on a satisfied rating or an explained one; reopens (重办) to the same unit on a reasonable demand. */
    public Transition settleCallback(Instant at, Actor actor, Deadlines deadlines) {
        return CallbackRules.settle(this, at, actor, deadlines);
    }

    /** No answer within the callback window counts as basically satisfied; the ticket is archived. */
    public Transition closeUnanswered(Instant at, Actor actor) {
        return CallbackRules.closeUnanswered(this, at, actor);
    }

    // ---- supervision (督办: the deadline stage, when a timer fires) -------------------------------------------

    public Transition markDispatchOverdue(Instant at, Actor actor) {
        return SupervisionRules.markDispatchOverdue(this, at, actor);
    }

    /** The sign window passed unsigned: marked and escalated to the ladder's first step. */
    public Transition markSignOverdue(Instant at, Actor actor) {
        return SupervisionRules.markSignOverdue(this, at, actor);
    }

    public Transition remindReply(Instant at, Actor actor) {
        return SupervisionRules.remindReply(this, at, actor);
    }

    /** The reply deadline passed: overdue, and the ladder's first step (system notice). */
    public Transition markReplyOverdue(Instant at, Actor actor) {
        return SupervisionRules.markReplyOverdue(this, at, actor);
    }

    /** One step up the ladder: system notice, official-document supervision, leader in charge. */
    public Transition escalate(Instant at, Actor actor) {
        return SupervisionRules.escalate(this, at, actor);
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

    TicketBuilder toBuilder() {
        return new TicketBuilder(this);
    }
}
