package io.jiesu.aws.ticket;

import io.jiesu.aws.queues.OutboxMessage;
import io.jiesu.aws.queues.TicketMessage;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.province.ProvinceNotice;
import io.jiesu.aws.search.WordIndex;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.TicketState;
import io.jiesu.core.ticket.Transition;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries a transition to the store and its message to the next stage. The message is written in the same
 * transaction as the transition (an outbox) and sent after it commits; if SQS is down the outbox keeps it
 * until {@link #relayPending} sends it, so nothing taken in is ever lost.
 */
public class TicketWorkflow {
    private static final Logger LOG = Logger.getLogger(TicketWorkflow.class);

    private final Tickets store;
    private final Outbox outbox;
    private final TicketQueues queues;
    private final ScheduledTimers timers;
    private final Clock clock;
    /** Indexes a ticket's words after intake; none: the tickets' words are not indexed (tests of other things). */
    private final WordIndex words;

    public TicketWorkflow(Tickets store, Outbox outbox, TicketQueues queues, ScheduledTimers timers, Clock clock) {
        this(store, outbox, queues, timers, clock, null);
    }

    public TicketWorkflow(Tickets store, Outbox outbox, TicketQueues queues, ScheduledTimers timers, Clock clock,
                          WordIndex words) {
        this.store = store;
        this.outbox = outbox;
        this.queues = queues;
        this.timers = timers;
        this.clock = clock;
        this.words = words;
    }

    /** The stage that takes a ticket on from each state, if any. */
    static Optional<QueueName> nextStage(TicketState state) {
        return Optional.ofNullable(switch (state) {
            case RECEIVED -> QueueName.DISPATCH;
            case RETURNED -> QueueName.RETURN;
            case REPLIED -> QueueName.REPLY;
            case RATED -> QueueName.CALLBACK;
            default -> null;
        });
    }

    public Ticket create(Transition created, String idempotencyKey, String fingerprint) {
        List<OutboxMessage> messages = new java.util.ArrayList<>(outboxFor(created, false));
        if (words != null) {
            // the content never changes: its words are indexed once, after the intake transaction commits
            messages.add(OutboxMessage.wordIndex(created.after().id(), created.after().version(), clock.instant()));
        }
        Ticket stored = store.create(created, idempotencyKey, fingerprint, messages);
        if (stored.id().equals(created.after().id())) {
            // the ticket just stored is in hand: its words are indexed from it, not read back
            messages.forEach(m -> trySend(m, stored));
        }
        return stored;
    }

    /** Loads the ticket, computes the step from it, stores it conditionally on the version read. */
    public Transition apply(String ticketId, Function<Ticket, Transition> step) {
        Transition t = step.apply(load(ticketId));
        commit(t, false);
        return t;
    }

    /**
     * A stage's step for one message: applied only while the ticket is still at the version and state the
     * message was sent for. A repeat delivery, or one that lost a race to a concurrent copy, changes nothing.
     */
    public Optional<Transition> applyOnce(TicketMessage m, TicketState expected, Function<Ticket, Transition> step) {
        Ticket current = load(m.ticketId());
        if (current.version() != m.version() || current.state() != expected) {
            LOG.debugf("ticket %s already past v%d (now v%d %s): nothing to do", m.ticketId(), m.version(),
                    current.version(), current.state());
            return Optional.empty();
        }
        Transition t = step.apply(current);
        try {
            commit(t, false);
        } catch (ConcurrentTransitionException e) {
            if (load(m.ticketId()).version() != m.version()) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(t);
    }

    /** A step that may not apply (a deadline no longer due): stored only when there is one. */
    public Optional<Transition> applyIfDue(String ticketId, Function<Ticket, Optional<Transition>> step) {
        Optional<Transition> t = step.apply(load(ticketId));
        t.ifPresent(transition -> commit(transition, true));
        return t;
    }

    /** Sends what the outbox still holds from before minAge ago; returns how many were sent. */
    public int relayPending(Duration minAge) {
        int sent = 0;
        for (OutboxMessage m : outbox.pendingOutbox(clock.instant().minus(minAge), 1000)) {
            if (trySend(m)) {
                sent++;
            }
        }
        return sent;
    }

    private Ticket load(String ticketId) {
        return store.find(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    /** Stores the transition with its outbox, conditional on the version it was computed from, then sends. */
    private void commit(Transition t, boolean timerFired) {
        List<OutboxMessage> messages = outboxFor(t, timerFired);
        store.save(t, messages);
        flush(messages);
    }

    /**
     * The next stage's message, the province's notice, and a timer sync when the transition moved the ticket's
     * next deadline. A timer that fired has deleted its own schedule (ActionAfterCompletion DELETE).
     */
    private List<OutboxMessage> outboxFor(Transition t, boolean timerFired) {
        List<OutboxMessage> outbox = new java.util.ArrayList<>();
        nextStage(t.after().state()).ifPresent(q -> outbox.add(new OutboxMessage(t.after().id(), t.after().version(), q,
                TicketJson.write(new TicketMessage(t.after().id(), t.after().version())), clock.instant())));
        ProvinceNotice.of(t.after(), t.event()).ifPresent(n -> outbox.add(new OutboxMessage(t.after().id(),
                t.after().version(), QueueName.NOTIFY, TicketJson.write(n), clock.instant())));
        var previous = t.before().state() == null ? Optional.<io.jiesu.core.deadline.Timer>empty() : timers.next(t.before());
        var next = timers.next(t.after());
        boolean scheduleExists = previous.isPresent() && !timerFired;
        boolean timerMoved = !previous.equals(next);
        // nothing to do when the timer that just fired was the last: it removed itself
        if (timerMoved && (scheduleExists || next.isPresent())) {
            outbox.add(OutboxMessage.timerSync(t.after().id(), t.after().version(), scheduleExists, clock.instant()));
        }
        return outbox;
    }

    private void flush(List<OutboxMessage> outbox) {
        outbox.forEach(this::trySend);
    }

    private boolean trySend(OutboxMessage m) {
        return trySend(m, null);
    }

    /** Sends one outbox message; {@code known}, when not null, is the ticket as it stands (no read needed). */
    private boolean trySend(OutboxMessage m, Ticket known) {
        if (m.queue() != null && m.queue().fifo() && outbox.earlierOutboxPending(m)) {
            // an earlier change of this ticket is still kept: the relay sends both, in order
            return false;
        }
        try {
            if (m.isWordIndex()) {
                if (words != null) {
                    Optional.ofNullable(known).filter(t -> t.id().equals(m.ticketId()))
                            .or(() -> store.find(m.ticketId())).ifPresent(words::index);
                }
            } else if (m.isTimerSync()) {
                // the ticket as it is now: a late or repeated sync never sets an older deadline
                store.find(m.ticketId()).ifPresent(t -> timers.sync(t, m.scheduleExists()));
            } else {
                queues.send(m);
            }
        } catch (RuntimeException e) {
            // kept in the outbox; the relay sends it when the queue or scheduler answers again
            LOG.warnf("%s unreachable for ticket %s v%d, kept in the outbox: %s",
                    m.destination(), m.ticketId(), m.version(), e.getClass().getSimpleName());
            return false;
        }
        try {
            outbox.deleteOutbox(m);
        } catch (RuntimeException e) {
            // the message went out; the relay may send it again, which the stage ignores by its version
            LOG.warnf("sent ticket %s v%d but could not clear its outbox item: %s", m.ticketId(), m.version(),
                    e.getClass().getSimpleName());
        }
        return true;
    }
}
