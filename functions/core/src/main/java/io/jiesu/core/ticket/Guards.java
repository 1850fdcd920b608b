package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;

/** The checks every transition starts with; each refuses with the rule it enforces. */
final class Guards {
    private Guards() {
    }

    /** A step is allowed only from the states its rule names (docs/domain.md, "The life of a ticket"). */
    static void inState(Ticket t, String step, TicketState... allowed) {
        for (TicketState s : allowed) {
            if (t.state() == s) {
                return;
            }
        }
        throw t.state().refuses(step, allowed);
    }

    /**
     * Only the lead unit (主办) acts on its ticket. Checked before the state: a unit that may not act on the
     * ticket (a co-unit, a unit it was taken from) learns nothing about where the ticket stands from the refusal.
     */
    static void leadUnit(Ticket t, Actor actor, String step) {
        if (actor.role() == Role.UNIT || actor.role() == Role.REVIEWER) {
            // a ticket with no lead unit yet is in no state a unit acts in: the state check refuses it
            if (t.leadUnit() != null && !t.leadUnit().equals(actor.unitId())) {
                throw Refusal.notYourTicket("only the lead unit can " + step + " this ticket");
            }
        }
    }

    static void text(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field, message);
        }
    }
}
