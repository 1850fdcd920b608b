package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.core.deadline.Deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jiesu.core.ticket.TicketState.DISPATCHED;
import static io.jiesu.core.ticket.TicketState.SIGNED;

/**
 * Extensions (延期, docs/domain.md "The life of a ticket" 6): the lead unit asks for more working days, with a
 * reason, before its reply is due, and the hotline centre approves or refuses. Limits: a consultation runs at
 * most 3 working days in all, a help request or suggestion 5, a complaint or report takes at most two
 * extensions of 10 (each a default of the deployment's policy).
 */
final class ExtensionRules {
    private ExtensionRules() {
    }

    static Transition request(Ticket t, int days, String reason, Instant at, Actor actor, Deadlines deadlines) {
        Guards.leadUnit(t, actor, "ask for an extension of");
        Guards.inState(t, "extend", DISPATCHED, SIGNED);
        Guards.text(reason, "reason", "an extension request says why more time is needed");
        if (days < 1) {
            throw Refusal.invalid("days", "ask for at least one working day");
        }
        if (t.pendingExtension().isPresent()) {
            throw Refusal.wrongState("an extension request is already waiting for the hotline centre");
        }
        if (at.isAfter(t.replyDueAt())) {
            throw Refusal.windowClosed(
                    "the reply was due at " + t.replyDueAt() + "; an extension is asked for before the deadline");
        }
        withinLimits(t, days, deadlines);
        TicketBuilder b = t.toBuilder();
        List<Extension> all = new ArrayList<>(t.extensions());
        all.add(new Extension(days, reason, at, actor.id(), Extension.Status.PENDING, null, null, null));
        b.extensions = all;
        return b.record(t, EventType.EXTENSION_REQUESTED, at, actor, Map.of("days", Integer.toString(days), "reason", reason));
    }

    /** The deadline (and its timer) moves only on approval. */
    static Transition decide(Ticket t, boolean approve, String note, Instant at, Actor actor, Deadlines deadlines) {
        Guards.inState(t, "decide an extension of", DISPATCHED, SIGNED);
        Extension pending = t.pendingExtension().orElseThrow(
                () -> Refusal.wrongState("no extension request is waiting"));
        TicketBuilder b = t.toBuilder();
        List<Extension> all = new ArrayList<>(t.extensions());
        all.set(all.indexOf(pending), pending.decided(approve, at, actor.id(), note));
        b.extensions = all;
        if (!approve) {
            return b.record(t, EventType.EXTENSION_REFUSED, at, actor, note == null ? Map.of() : Map.of("note", note));
        }
        b.replyDueAt = deadlines.extended(t.replyDueAt(), pending.days());
        // a new deadline gets its own reminder; an overdue ticket is not extended (refused above)
        b.supervision = t.supervision().newDeadline();
        return b.record(t, EventType.EXTENSION_APPROVED, at, actor, Map.of(
                "days", Integer.toString(pending.days()), "replyDueAt", b.replyDueAt.toString()));
    }

    /**
     * A category with a step per extension (complaint, report) counts extensions; the others count the working
     * days in all, their normal period included.
     */
    private static void withinLimits(Ticket t, int days, Deadlines deadlines) {
        var policy = deadlines.policy();
        Category category = t.category();
        List<Extension> approved = t.extensions().stream().filter(e -> e.status() == Extension.Status.APPROVED).toList();
        var step = policy.extensionDays(category);
        if (step.isPresent()) {
            int allowed = policy.maxExtensions(category).orElse(0);
            if (approved.size() >= allowed) {
                throw Refusal.invalid("days", "a " + category.code() + " may be extended at most " + allowed + " times");
            }
            if (days > step.getAsInt()) {
                throw Refusal.invalid("days", "one extension of a " + category.code() + " adds at most "
                        + step.getAsInt() + " working days");
            }
            return;
        }
        int soFar = deadlines.replyDays(category, t.provincial()) + approved.stream().mapToInt(Extension::days).sum();
        if (soFar + days > policy.maxDays(category)) {
            throw Refusal.invalid("days", "a " + category.code() + " runs at most " + policy.maxDays(category)
                    + " working days in all; " + (policy.maxDays(category) - soFar) + " more can be asked for");
        }
    }
}
