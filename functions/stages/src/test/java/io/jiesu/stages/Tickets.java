package io.jiesu.stages;

import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.ticket.Actor;
import io.jiesu.core.ticket.Category;
import io.jiesu.core.ticket.Channel;
import io.jiesu.core.ticket.Citizen;
import io.jiesu.core.ticket.NewTicket;
import io.jiesu.core.ticket.Role;
import io.jiesu.core.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Random;
import java.util.function.Function;

/**
 * Tickets in the state a stage expects, put in the table through the same workflow the api uses (no api runs here),
 * and the message the stage would receive for them: {"ticketId":..,"version":..}.
 */
@ApplicationScoped
public class Tickets {
    private static final Actor AGENT = new Actor("agent-test", Role.AGENT, null);
    private static final Random RANDOM = new Random();

    @Inject
    TicketWorkflow workflow;
    @Inject
    TicketStore store;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    /** A complaint taken in by phone, as the api stores it: received, waiting for the dispatch stage. */
    public Ticket received(String content) {
        String id = "T20261118-" + Integer.toString(1_000_000 + RANDOM.nextInt(8_000_000), 36).toUpperCase();
        NewTicket in = new NewTicket(Category.COMPLAINT, Channel.PHONE, content, new Citizen("张三", "13812345678"),
                "东城区和平里3号楼", null, false);
        return workflow.create(Ticket.receive(id, in, clock.instant(), AGENT, deadlines), null, null);
    }

    private static final Actor DISPATCHER = new Actor("dispatcher-test", Role.DISPATCHER, null);
    private static final Actor UNIT = new Actor("staff-heating", Role.UNIT, "heating-company");
    private static final Actor REVIEWER = new Actor("reviewer-heating", Role.REVIEWER, "heating-company");

    /** Dispatched to heating-company (housing-bureau helping), not yet signed. */
    public Ticket dispatched(String content) {
        return step(received(content), r -> r.dispatch("heating-company", java.util.List.of("housing-bureau"),
                clock.instant(), DISPATCHER, deadlines));
    }

    /** Dispatched to heating-company and signed by it. */
    public Ticket signed(String content) {
        return step(dispatched(content), d -> d.sign(clock.instant(), UNIT, deadlines));
    }

    /** Signed, the citizen contacted, and the unit's reply approved by its reviewer: waiting for the reply stage. */
    public Ticket replied(String content) {
        Ticket t = step(signed(content), s -> s.recordContact(io.jiesu.core.ticket.ContactKind.FIRST, "已电话联系", clock.instant(), UNIT));
        return step(t, c -> c.reply(new io.jiesu.core.ticket.Reply("已修复楼内供暖阀门", io.jiesu.core.ticket.Outcome.SOLVED, null,
                "周工", "01064005678", REVIEWER.id()), clock.instant(), REVIEWER));
    }

    /** Moves the ticket on one step, as a caller of the api would. */
    public Ticket step(Ticket t, Function<Ticket, io.jiesu.core.ticket.Transition> step) {
        return workflow.apply(t.id(), step).after();
    }

    public Ticket load(String id) {
        return store.find(id).orElseThrow();
    }

    /** The message a stage receives for the ticket as it stands. */
    public static String message(Ticket t) {
        return "{\"ticketId\":\"" + t.id() + "\",\"version\":" + t.version() + "}";
    }
}
