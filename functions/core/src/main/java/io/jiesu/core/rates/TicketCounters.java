package io.jiesu.core.rates;

import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Routing;
import io.jiesu.core.ticket.Satisfaction;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.Transition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a transition adds to the units' counters. Stored with the transition in one write, so a transition
 * applied once is counted once, however often its message is delivered. Counted for the lead unit.
 *
 * <p>Every rate is a cohort (docs/rates.md): its numerator counts some of the very tickets its denominator
 * counts, so each numerator event is counted on the same unit and day as the denominator event of the same
 * ticket, and a rate over any range of days stays within 0..1:
 * <ul>
 * <li>a sign (in time or late) on the day of the dispatch (or reopening) it answers, beside DISPATCHED;</li>
 * <li>REPLIED_IN_TIME with REPLIED, on the reply's day;</li>
 * <li>CLOSED and CLOSED_FIRST_TIME on the day the ticket was due (its last deadline, known when it closes),
 * beside DUE; DUE moves with an extension or a reopening, and a ticket is closed once, so it is never
 * counted twice;</li>
 * <li>SOLVED with ANSWERED, and the rating with RATED, on the callback's day (or the day an unanswered
 * callback window closed).</li>
 * <li>ON_THE_SPOT with CONSULTATIONS, on the intake day, for the unit whose article answered it.</li>
 * </ul>
 */
public final class TicketCounters {
    private final ZoneId zone;

    public TicketCounters(ZoneId zone) {
        this.zone = zone;
    }

    /** The zone whose days the counters count in. */
    public ZoneId zone() {
        return zone;
    }

    public Map<CounterKey, Map<Counter, Long>> of(Transition t) {
        Deltas d = new Deltas();
        Ticket before = t.before();
        Ticket after = t.after();
        Instant at = t.event().at();
        switch (t.event().type()) {
            case ANSWERED_ON_SPOT -> {
                // for the unit whose article answered it, on the day it was answered
                String owner = after.answeredFrom() == null ? null : after.answeredFrom().unit();
                d.add(owner, at, Counter.CONSULTATIONS, 1);
                d.add(owner, at, Counter.ON_THE_SPOT, 1);
            }
            case TICKET_DISPATCHED -> {
                d.add(after.leadUnit(), at, Counter.DISPATCHED, 1);
                d.add(after.leadUnit(), after.replyDueAt(), Counter.DUE, 1);
                routing(d, after, at, 1, 1);
                if (after.category() == Category.CONSULTATION) {
                    d.add(after.leadUnit(), at, Counter.CONSULTATIONS, 1);
                }
            }
            case TICKET_REOPENED -> {
                // dispatched again to the same unit; still one ticket due, now on its fresh deadline
                d.add(after.leadUnit(), at, Counter.DISPATCHED, 1);
                d.add(after.leadUnit(), at, Counter.REOPENED, 1);
                d.add(after.leadUnit(), before.replyDueAt(), Counter.DUE, -1);
                d.add(after.leadUnit(), after.replyDueAt(), Counter.DUE, 1);
            }
            // on the day of the dispatch it answers: a sign after midnight still belongs to that dispatch
            case TICKET_SIGNED -> d.add(after.leadUnit(), after.dispatchedAt(),
                    after.signedLate() ? Counter.SIGNED_LATE : Counter.SIGNED_IN_TIME, 1);
            case TICKET_RETURNED -> {
                // no longer due from the unit that returned it
                d.add(before.leadUnit(), at, Counter.RETURNED, 1);
                d.add(before.leadUnit(), before.replyDueAt(), Counter.DUE, -1);
                // that dispatch was not accurate: out of the kept, on the day it was dispatched
                routing(d, before, before.dispatchedAt(), 0, -1);
                if (before.category() == Category.CONSULTATION) {
                    // the consultation is the next unit's, counted on its dispatch
                    d.add(before.leadUnit(), before.dispatchedAt(), Counter.CONSULTATIONS, -1);
                }
            }
            case TICKET_REPLIED -> {
                d.add(after.leadUnit(), at, Counter.REPLIED, 1);
                if (!at.isAfter(after.replyDueAt())) {
                    d.add(after.leadUnit(), at, Counter.REPLIED_IN_TIME, 1);
                }
            }
            case REPLY_OVERDUE -> d.add(after.leadUnit(), at, Counter.OVERDUE, 1);
            case EXTENSION_APPROVED -> {
                d.add(after.leadUnit(), at, Counter.EXTENDED, 1);
                d.add(after.leadUnit(), before.replyDueAt(), Counter.DUE, -1);
                d.add(after.leadUnit(), after.replyDueAt(), Counter.DUE, 1);
            }
            case CALLBACK_RECORDED -> {
                var r = after.callback();
                d.add(after.leadUnit(), at, Counter.RATED, 1);
                d.add(after.leadUnit(), at, Counter.ANSWERED, 1);
                d.add(after.leadUnit(), at, satisfaction(r.satisfaction()), 1);
                if (r.solved()) {
                    d.add(after.leadUnit(), at, Counter.SOLVED, 1);
                }
            }
            case TICKET_CLOSED -> {
                if (after.leadUnit() != null) {
                    // on the day it was due (where DUE counts it), not the day it closed: closed ÷ due is the
                    // share of the tickets due in a period that were closed
                    d.add(after.leadUnit(), after.replyDueAt(), Counter.CLOSED, 1);
                    if (after.reopenCount() == 0) {
                        d.add(after.leadUnit(), after.replyDueAt(), Counter.CLOSED_FIRST_TIME, 1);
                    }
                    if (after.supervision().callbackUnanswered()) {
                        // no answer within the window counts as rated basically satisfied
                        d.add(after.leadUnit(), at, Counter.RATED, 1);
                        d.add(after.leadUnit(), at, Counter.BASICALLY_SATISFIED, 1);
                    }
                }
            }
            default -> {
            }
        }
        return d.byKey;
    }

    /** The dispatch accuracy's counters of the ticket's current dispatch: routed (once) and kept (until returned). */
    private static void routing(Deltas d, Ticket t, Instant dispatchedAt, long routed, long kept) {
        Routing.DispatchedBy by = t.routing() == null ? null : t.routing().dispatchedBy();
        d.add(t.leadUnit(), dispatchedAt, Counter.ROUTED, routed);
        d.add(t.leadUnit(), dispatchedAt, Counter.ROUTED_KEPT, kept);
        if (by == Routing.DispatchedBy.ROUTER) {
            d.add(t.leadUnit(), dispatchedAt, Counter.ROUTER_ROUTED, routed);
            d.add(t.leadUnit(), dispatchedAt, Counter.ROUTER_KEPT, kept);
        } else if (by != null && by.byHand()) {
            d.add(t.leadUnit(), dispatchedAt, Counter.HAND_ROUTED, routed);
            d.add(t.leadUnit(), dispatchedAt, Counter.HAND_KEPT, kept);
        }
    }

    private static Counter satisfaction(Satisfaction s) {
        return switch (s) {
            case SATISFIED -> Counter.SATISFIED;
            case BASICALLY_SATISFIED -> Counter.BASICALLY_SATISFIED;
            case UNSATISFIED -> Counter.UNSATISFIED;
        };
    }

    private final class Deltas {
        final Map<CounterKey, Map<Counter, Long>> byKey = new LinkedHashMap<>();

        void add(String unit, Instant when, Counter c, long n) {
            if (unit == null || when == null || n == 0) {
                return;
            }
            LocalDate day = when.atZone(zone).toLocalDate();
            byKey.computeIfAbsent(new CounterKey(unit, day), k -> new EnumMap<>(Counter.class)).merge(c, n, Long::sum);
        }
    }
}
