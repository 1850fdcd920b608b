package io.jiesu.aws.ticket;

import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.*;

import java.time.Instant;
import java.util.UUID;

/** Tickets and actors for the adapter tests. */
final class Fixtures {
    static final Deadlines DEADLINES = new Deadlines(WorkCalendar.bundled(), Policy.defaults());
    static final Actor AGENT = new Actor("agent-1", Role.AGENT, null);
    static final Actor DISPATCH = Actor.system("dispatch");
    static final PhoneHash PHONES = new PhoneHash("test-citizen-index-key-0123456789");
    static final Instant MONDAY_10AM = Instant.parse("2026-03-02T02:00:00Z");

    private Fixtures() {
    }

    static NewTicket complaint(String text) {
        return new NewTicket(Category.COMPLAINT, Channel.PHONE, text, new Citizen("张三", "13812345678"),
                "和平里3号楼", null, false);
    }

    static Transition received(String text, Instant at) {
        return Ticket.receive("T-" + UUID.randomUUID(), complaint(text), at, AGENT, DEADLINES);
    }

    /** Dispatched a minute after intake, and stored. */
    static Ticket dispatched(TicketStore store, Ticket t, String lead, String... co) {
        Transition d = t.dispatch(lead, java.util.List.of(co), t.receivedAt().plusSeconds(60), DISPATCH, DEADLINES);
        store.save(d, java.util.List.of());
        return d.after();
    }

    static Actor unit(String unitId) {
        return new Actor("staff-of-" + unitId, Role.UNIT, unitId);
    }
}
