package io.jiesu.core.ticket;

/** A ticket's next state and the event that got it there. */
public record Transition(Ticket before, Ticket after, TicketEvent event) {
}
