package io.jiesu.core.deadline;

import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.Transition;

import java.time.Instant;
import java.util.Optional;

/**
 * A ticket has at most one pending timer: its next deadline, derived from where it stands. After every
 * transition the timer is derived again; when it fires, {@link #act} takes the step it was set for.
 */
public final class TicketTimers {
    private final Deadlines deadlines;

    public TicketTimers(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    public Optional<Timer> next(Ticket t) {
        var s = t.supervision();
        return switch (t.state()) {
            case RECEIVED, AWAITING_DISPATCH, JOINT_REVIEW -> s.dispatchOverdue() ? Optional.empty()
                    : Optional.of(new Timer(TimerKind.DISPATCH_DUE, deadlines.dispatchOverdueAt(t.category(), t.receivedAt())));
            case DISPATCHED -> s.signOverdue() ? replyTimer(t) : Optional.of(new Timer(TimerKind.SIGN_DUE, t.signDueAt()));
            case SIGNED -> replyTimer(t);
            case AWAITING_CALLBACK -> Optional.of(new Timer(TimerKind.CALLBACK_DUE, t.callbackDueAt()));
            default -> Optional.empty();
        };
    }

    private Optional<Timer> replyTimer(Ticket t) {
        var s = t.supervision();
        if (!t.overdue()) {
            Instant remind = deadlines.reminderAt(t.category(), t.replyDueAt());
            if (s.remindedAt() == null && remind.isBefore(t.replyDueAt()) && remind.isAfter(t.dispatchedAt())) {
                return Optional.of(new Timer(TimerKind.REPLY_REMINDER, remind));
            }
            return Optional.of(new Timer(TimerKind.REPLY_DUE, t.replyDueAt()));
        }
        if (s.escalationLevel() < deadlines.policy().supervision().escalationLevels()) {
            return Optional.of(new Timer(TimerKind.ESCALATION, deadlines.escalationAt(t.replyDueAt(), s.escalationLevel() + 1)));
        }
        return Optional.empty();
    }

    /** What a firing is to the ticket as it stands now. */
    public enum Firing {
        /** The ticket's timer, at or after its instant: act on it. */
        DUE,
        /**
         * The ticket's timer, delivered before its instant (the scheduler's clock ahead of ours, or a clock that
         * moved): the deadline is still pending and must fire again at its instant; it is not done.
         */
        EARLY,
        /** Not the ticket's timer any more (it moved or passed, an older version set it): nothing to do. */
        STALE
    }

    public Firing classify(Ticket t, Timer fired, Instant now) {
        if (!next(t).equals(Optional.of(fired))) {
            return Firing.STALE;
        }
        return now.isBefore(fired.at()) ? Firing.EARLY : Firing.DUE;
    }

    /**
     * The step a fired timer takes, if it is still the ticket's timer and due; a firing for a deadline that has
     * since moved or passed (an older version's) takes none, nor does an early one ({@link Firing#EARLY}: the
     * caller must keep that timer pending).
     */
    public Optional<Transition> act(Ticket t, Timer fired, Instant now, Actor actor) {
        if (classify(t, fired, now) != Firing.DUE) {
            return Optional.empty();
        }
        return Optional.of(switch (fired.kind()) {
            case DISPATCH_DUE -> t.markDispatchOverdue(now, actor);
            case SIGN_DUE -> t.markSignOverdue(now, actor);
            case REPLY_REMINDER -> t.remindReply(now, actor);
            case REPLY_DUE -> t.markReplyOverdue(now, actor);
            case ESCALATION -> t.escalate(now, actor);
            case CALLBACK_DUE -> t.closeUnanswered(now, actor);
        });
    }
}
