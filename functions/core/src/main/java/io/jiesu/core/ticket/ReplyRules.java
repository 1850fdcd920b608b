package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import java.time.Instant;
import java.util.Map;

import static io.jiesu.core.ticket.TicketState.REPLIED;
import static io.jiesu.core.ticket.TicketState.SIGNED;

/**
 * The reply (答复, docs/domain.md "The life of a ticket" 5): it answers what was asked (no empty or evasive
 * answer), cites the policy basis when the request cannot be met, names the handler and the handler's phone
 * (谁办理谁负责), is approved by the unit's reviewer, and follows the contacts the rules require.
 */
final class ReplyRules {
    private ReplyRules() {
    }

    static Transition reply(Ticket t, Reply reply, Instant at, Actor actor) {
        Guards.leadUnit(t, actor, "reply to");
        Guards.inState(t, "reply to", SIGNED);
        answers(reply);
        contacted(t);
        TicketBuilder b = t.toBuilder();
        b.state = REPLIED;
        b.reply = reply;
        b.repliedAt = at;
        return b.record(t, EventType.TICKET_REPLIED, at, actor, Map.of(
                "outcome", reply.outcome().code(), "onTime", Boolean.toString(!at.isAfter(t.replyDueAt()))));
    }

    private static void answers(Reply reply) {
        Guards.text(reply.result(), "result", "the reply must say what was done: no empty answer");
        if (reply.outcome() == null) {
            throw Refusal.invalid("outcome", "outcome is solved or explained");
        }
        if (reply.outcome() == Outcome.EXPLAINED) {
            Guards.text(reply.policyBasis(), "policyBasis", "an explained reply cites the policy basis");
        }
        Guards.text(reply.handlerName(), "handlerName", "the reply names its handler (谁办理谁负责)");
        Guards.text(reply.handlerPhone(), "handlerPhone", "the reply gives the handler's phone");
        Guards.text(reply.reviewer(), "reviewer", "the unit's reviewer approves every reply");
    }

    private static void contacted(Ticket t) {
        if (t.firstContactAt() == null) {
            throw Refusal.invalid("contacts", "record the first contact with the citizen before replying");
        }
        if (t.supervision().onSiteRequired() && t.onSiteContactAt() == null) {
            throw Refusal.invalid("contacts", (t.provincial() ? "a provincial ticket" : "a ticket reopened "
                    + t.reopenCount() + " times") + " needs a face-to-face visit (on_site contact) before its reply");
        }
    }
}
