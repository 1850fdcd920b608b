package io.jiesu.api.ticket;

import io.jiesu.core.ticket.CallbackResult;
import io.jiesu.core.ticket.AnsweredFrom;
import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.Closure;
import io.jiesu.core.ticket.EscalationStep;
import io.jiesu.core.ticket.Extension;
import io.jiesu.core.ticket.Reply;
import io.jiesu.core.ticket.Routing;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A ticket as the API shows it: times with the deployment's offset, the citizen masked unless needed. */
public record TicketView(String id, long version, TicketState state, Category category, Channel channel,
                         String content, CitizenView citizen, String location, String matter,
                         OffsetDateTime receivedAt, OffsetDateTime dispatchDueAt, String leadUnit, List<String> coUnits,
                         OffsetDateTime dispatchedAt, OffsetDateTime signDueAt, OffsetDateTime signedAt,
                         boolean signedLate, OffsetDateTime returnDueAt, List<String> returnedBy,
                         OffsetDateTime replyDueAt, OffsetDateTime firstContactAt, OffsetDateTime resultContactAt,
                         OffsetDateTime onSiteContactAt, Reply reply, OffsetDateTime repliedAt,
                         OffsetDateTime callbackDueAt, CallbackResult callback, int reopenCount, Closure closure,
                         OffsetDateTime closedAt, SupervisionView supervision, List<Extension> extensions,
                         boolean provincial, RoutingView routing,
                         @Schema(description = "the notice (公告) of a cut or closure in force the ticket was taken in about, linked at intake; null when none")
                         String notice, AnsweredFrom answeredFrom) {

    /**
     * How the lead unit was chosen and what the learned router proposed: the dispatcher's console shows the top
     * three (unit, confidence 0..1) beside a waiting ticket. Null on a ticket no router or dispatch has seen.
     */
    public record RoutingView(
            @Schema(description = "who chose the lead unit: catalogue, router, dispatcher or joint_review; null while waiting")
            Routing.DispatchedBy dispatchedBy,
            @Schema(description = "the router's likeliest units, best first (at most three)")
            List<Routing.Suggestion> suggestions,
            @Schema(description = "the model that made the suggestions; null without one")
            String modelVersion) {
        static RoutingView of(Routing r) {
            return r == null ? null : new RoutingView(r.dispatchedBy(), r.suggestions(), r.modelVersion());
        }
    }

    /** Where supervision stands: missed windows, the reminder, the escalation step, the visit rule. */
    public record SupervisionView(boolean dispatchOverdue, boolean signOverdue, OffsetDateTime remindedAt,
                                  boolean overdue, OffsetDateTime overdueAt, int escalationLevel,
                                  EscalationStep escalationStep, boolean onSiteRequired, boolean callbackUnanswered) {
        static SupervisionView of(Ticket.Supervision s, ZoneId zone) {
            return new SupervisionView(s.dispatchOverdue(), s.signOverdue(), at(s.remindedAt(), zone),
                    s.overdueAt() != null, at(s.overdueAt(), zone), s.escalationLevel(),
                    s.escalationLevel() == 0 ? null : EscalationStep.of(s.escalationLevel()), s.onSiteRequired(),
                    s.callbackUnanswered());
        }
    }

    public record CitizenView(String name, String phone, boolean masked) {
    }

    static TicketView of(Ticket t, boolean citizenInFull, ZoneId zone) {
        CitizenView citizen = t.citizen() == null ? null : citizenInFull
                ? new CitizenView(t.citizen().name(), t.citizen().phone(), false)
                : new CitizenView(Masking.name(t.citizen().name()), Masking.phone(t.citizen().phone()), true);
        return new TicketView(t.id(), t.version(), t.state(), t.category(), t.channel(), t.content(), citizen,
                t.location(), t.matter(), at(t.receivedAt(), zone), at(t.dispatchDueAt(), zone), t.leadUnit(),
                t.coUnits(), at(t.dispatchedAt(), zone), at(t.signDueAt(), zone), at(t.signedAt(), zone),
                t.signedLate(), at(t.returnDueAt(), zone), t.returnedBy(), at(t.replyDueAt(), zone),
                at(t.firstContactAt(), zone), at(t.resultContactAt(), zone), at(t.onSiteContactAt(), zone),
                t.reply(), at(t.repliedAt(), zone), at(t.callbackDueAt(), zone), t.callback(), t.reopenCount(),
                t.closure(), at(t.closedAt(), zone), SupervisionView.of(t.supervision(), zone), t.extensions(),
                t.provincial(), RoutingView.of(t.routing()), t.notice(), t.answeredFrom());
    }

    static OffsetDateTime at(Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
