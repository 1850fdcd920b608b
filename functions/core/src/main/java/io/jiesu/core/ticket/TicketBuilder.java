package io.jiesu.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The next ticket while a transition shapes it: a field-by-field copy of the current one, so that each
 * transition names only the fields its rule changes (a ticket has 36 of them).
 */
final class TicketBuilder {
    String id; long version; TicketState state;
    Category category; Channel channel; String content; Citizen citizen; String location; String matter;
    Instant receivedAt, dispatchDueAt;
    String leadUnit; List<String> coUnits = List.of(); Instant dispatchedAt, signDueAt;
    Instant signedAt; boolean signedLate; Instant returnDueAt; List<String> returnedBy = List.of();
    Instant replyDueAt, firstContactAt, resultContactAt, onSiteContactAt;
    Reply reply; Instant repliedAt, callbackDueAt; CallbackResult callback;
    int reopenCount; Closure closure; Instant closedAt; String filedBy;
    Ticket.Supervision supervision; List<Extension> extensions = List.of(); Ticket.ProvinceRef province;
    Routing routing; String notice; AnsweredFrom answeredFrom;

    TicketBuilder() {
    }

    TicketBuilder(Ticket t) {
        id = t.id(); version = t.version(); state = t.state();
        category = t.category(); channel = t.channel(); content = t.content(); citizen = t.citizen();
        location = t.location(); matter = t.matter(); receivedAt = t.receivedAt(); dispatchDueAt = t.dispatchDueAt();
        leadUnit = t.leadUnit(); coUnits = t.coUnits(); dispatchedAt = t.dispatchedAt(); signDueAt = t.signDueAt();
        signedAt = t.signedAt(); signedLate = t.signedLate(); returnDueAt = t.returnDueAt(); returnedBy = t.returnedBy();
        replyDueAt = t.replyDueAt(); firstContactAt = t.firstContactAt(); resultContactAt = t.resultContactAt();
        onSiteContactAt = t.onSiteContactAt(); reply = t.reply(); repliedAt = t.repliedAt();
        callbackDueAt = t.callbackDueAt(); callback = t.callback(); reopenCount = t.reopenCount();
        closure = t.closure(); closedAt = t.closedAt(); filedBy = t.filedBy();
        supervision = t.supervision(); extensions = t.extensions(); province = t.province();
        routing = t.routing(); notice = t.notice(); answeredFrom = t.answeredFrom();
    }

    Ticket build() {
        return new Ticket(id, version, state, category, channel, content, citizen, location, matter,
                receivedAt, dispatchDueAt, leadUnit, coUnits, dispatchedAt, signDueAt, signedAt, signedLate,
                returnDueAt, returnedBy, replyDueAt, firstContactAt, resultContactAt, onSiteContactAt,
                reply, repliedAt, callbackDueAt, callback, reopenCount, closure, closedAt, filedBy,
                supervision, extensions, province, routing, notice, answeredFrom);
    }

    /** The ticket as changed, one version on from {@code before}, with the event that records the step. */
    Transition record(Ticket before, EventType type, Instant at, Actor actor, Map<String, String> detail) {
        version = before.version() + 1;
        Ticket after = build();
        return new Transition(before, after, new TicketEvent(after.id(), after.version(), type, at, actor, detail));
    }
}
