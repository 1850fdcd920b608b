package io.jiesu.core.rates;

import io.jiesu.core.ticket.Ticket;
import io.jiesu.core.ticket.Transition;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a transition adds to the centre's live figures (the big screen's): tickets taken in, dispatched, closed
 * and gone overdue, each on the day and in the hour it happened, taken in also by category and channel, the
 * others also by lead unit. Unlike {@link TicketCounters} (cohorts for the rates), these count events when they
 * happen: "closed today" is what closed today. Stored with the transition in the same write, so counted once.
 */
public final class CentreFigures {
    public static final String TAKEN_IN = "in";
    public static final String DISPATCHED = "dispatched";
    public static final String CLOSED = "closed";
    public static final String OVERDUE = "overdue";
    /** Consultations answered on the spot by an agent, from the knowledge base (within CLOSED too). */
    public static final String ANSWERED_ON_SPOT = "answered_on_spot";
    /** Citizens online who found their answer in the knowledge base and filed nothing (deflection). */
    public static final String DEFLECTED = "deflected";

    private final ZoneId zone;

    public CentreFigures(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The day the figures count on, and the figure names (see {@link #names}) to add one to. */
    public record Delta(LocalDate day, Map<String, Long> add) {
    }

    public Delta of(Transition t) {
        Ticket after = t.after();
        ZonedDateTime at = t.event().at().atZone(zone);
        Map<String, Long> add = new LinkedHashMap<>();
        switch (t.event().type()) {
            case TICKET_RECEIVED -> takenIn(add, at, after);
            case ANSWERED_ON_SPOT -> {
                // taken in and closed in the same call
                takenIn(add, at, after);
                count(add, at, CLOSED, null);
                count(add, at, ANSWERED_ON_SPOT, null);
            }
            case TICKET_DISPATCHED -> count(add, at, DISPATCHED, after.leadUnit());
            case TICKET_CLOSED -> count(add, at, CLOSED, after.leadUnit());
            case REPLY_OVERDUE -> count(add, at, OVERDUE, after.leadUnit());
            default -> {
            }
        }
        return new Delta(at.toLocalDate(), add);
    }

    /** A citizen online said an answer of the knowledge base answered their question: no ticket, one count. */
    public Delta deflection(java.time.Instant when) {
        ZonedDateTime at = when.atZone(zone);
        Map<String, Long> add = new LinkedHashMap<>();
        count(add, at, DEFLECTED, null);
        return new Delta(at.toLocalDate(), add);
    }

    private static void takenIn(Map<String, Long> add, ZonedDateTime at, Ticket t) {
        count(add, at, TAKEN_IN, null);
        add.put(byCategory(t.category().code()), 1L);
        add.put(byChannel(t.channel().code()), 1L);
    }

    private static void count(Map<String, Long> add, ZonedDateTime at, String figure, String unit) {
        add.put(figure, 1L);
        add.put(inHour(at.getHour(), figure), 1L);
        if (unit != null) {
            add.put(byUnit(figure, unit), 1L);
        }
    }

    // ---- the names of the figures, as stored and read back ------------------------------------------------

    public static String inHour(int hour, String figure) {
        return String.format("h%02d.%s", hour, figure);
    }

    public static String byCategory(String category) {
        return TAKEN_IN + ".category." + category;
    }

    public static String byChannel(String channel) {
        return TAKEN_IN + ".channel." + channel;
    }

    public static String byUnit(String figure, String unit) {
        return figure + ".unit." + unit;
    }
}
