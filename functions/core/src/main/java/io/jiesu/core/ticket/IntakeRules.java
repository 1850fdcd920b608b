package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import io.jiesu.core.deadline.Deadlines;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.jiesu.core.ticket.TicketState.CLOSED;
import static io.jiesu.core.ticket.TicketState.RECEIVED;

/**
 * Intake (受理, docs/domain.md "The life of a ticket" 1): a ticket is taken in with its category and channel;
 * a consultation answered on the spot (即时答复) is closed at once and never dispatched; any other ticket waits
 * for dispatch, with a deadline by its category.
 */
final class IntakeRules {
    private IntakeRules() {
    }

    /**
     * A provincial ticket is not taken in at the hotline: it comes down only through the province's signed
     * webhook, with its provincial number, since the flag shortens its clock and requires a visit.
     */
    static Transition atHotline(String id, NewTicket in, String notice, Instant at, Actor actor, Deadlines deadlines) {
        if (in.channel() == Channel.PROVINCE) {
            throw Refusal.invalid("channel",
                    "provincial tickets come only through the provincial platform's signed webhook");
        }
        return receive(id, in, null, notice, at, actor, deadlines);
    }

    /** A ticket sent down by a provincial platform keeps its provincial number and flag throughout. */
    static Transition fromProvince(String id, NewTicket in, Ticket.ProvinceRef province, String notice, Instant at,
                                   Actor actor, Deadlines deadlines) {
        if (province == null) {
            throw new IllegalArgumentException("a provincial ticket keeps its provincial number");
        }
        return receive(id, in, province, notice, at, actor, deadlines);
    }

    /**
     * A ticket about a notice in force (a water cut, a road closure) carries the notice's id from intake on, and its
     * intake event says so: the link is a fact of intake, recorded in the one event of the intake's version, since
     * the dispatch stage acts on that version.
     */
    private static Transition receive(String id, NewTicket in, Ticket.ProvinceRef province, String notice, Instant at,
                                      Actor actor, Deadlines deadlines) {
        if (in.answeredOnSpot() && in.category() != Category.CONSULTATION) {
            throw Refusal.invalid("answeredOnSpot", "only a consultation can be answered on the spot");
        }
        // the knowledge base answers it: the agent cites the article read out, and cites one only then
        if (in.answeredOnSpot() && in.answeredFrom() == null) {
            throw Refusal.invalid("articleId", "cite the knowledge-base article the answer was read from");
        }
        if (!in.answeredOnSpot() && in.answeredFrom() != null) {
            throw Refusal.invalid("articleId", "an article is cited only by a consultation answered on the spot");
        }
        TicketBuilder b = taken(id, in, province, at, actor);
        Ticket none = b.build();
        b.notice = notice;
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("category", in.category().code());
        detail.put("channel", b.channel.code());
        if (province != null) {
            detail.put("province", province.code());
            detail.put("provinceTicketId", province.ticketId());
        }
        if (notice != null) {
            detail.put("notice", notice);
        }
        if (in.answeredOnSpot()) {
            b.answeredFrom = in.answeredFrom();
            detail.put("articleId", in.answeredFrom().articleId());
            detail.put("articleVersion", Integer.toString(in.answeredFrom().version()));
            b.state = CLOSED;
            b.closure = Closure.ANSWERED_ON_SPOT;
            b.closedAt = at;
            return b.record(none, EventType.ANSWERED_ON_SPOT, at, actor, detail);
        }
        b.state = RECEIVED;
        b.dispatchDueAt = deadlines.dispatchDue(in.category(), at);
        detail.put("dispatchDueAt", b.dispatchDueAt.toString());
        return b.record(none, EventType.TICKET_RECEIVED, at, actor, detail);
    }

    /** What the request tells, before any state: the "before" of the intake transition. */
    private static TicketBuilder taken(String id, NewTicket in, Ticket.ProvinceRef province, Instant at, Actor actor) {
        TicketBuilder b = new TicketBuilder();
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
        return b;
    }
}
