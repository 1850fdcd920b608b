package io.jiesu.aws.digest;

import io.jiesu.aws.rates.RateReports;
import io.jiesu.aws.ticket.InboxEntry;
import io.jiesu.aws.ticket.Inboxes;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.digest.Digest;
import io.jiesu.core.digest.DigestKind;
import io.jiesu.core.rates.Counter;
import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.ticket.TicketState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts a digest together: rates and trend from the counters (one read per unit covering the whole trend),
 * the ranking for the monthly one, and for the daily one the tickets past a deadline or due today, from the
 * units' inboxes (an index query per unit, never a scan), with each unit's knowledge-base articles to look at.
 */
public class Digests {
    /** The dispatch pool's holder as a daily list names it: the hotline centre awaits those dispatches. */
    static final String HOTLINE_CENTRE = "12345热线派单 hotline centre";
    /** Read at most this many tickets of one state from one inbox, the earliest due first. */
    static final int MAX_OPEN_PER_UNIT = 1_000;

    private final RateReports reports;
    private final Inboxes store;
    private final Supplier<WorkCalendar> calendar;
    private final ZoneId zone;

    private final KnowledgeFlags knowledge;

    public Digests(RateReports reports, Inboxes store, Supplier<WorkCalendar> calendar, ZoneId zone) {
        this(reports, store, calendar, zone, null);
    }

    /** @param knowledge the articles the daily digest lists for each unit head; null for none */
    public Digests(RateReports reports, Inboxes store, Supplier<WorkCalendar> calendar, ZoneId zone,
                   KnowledgeFlags knowledge) {
        this.knowledge = knowledge;
        this.reports = reports;
        this.store = store;
        this.calendar = calendar;
        this.zone = zone;
    }

    /** The digest of this kind for the day it is sent on, as things stand at {@code now}. */
    /** {@code catalogueUnits}: the catalogue's units, read once by the caller for the whole digest. */
    public Digest build(DigestKind kind, LocalDate day, Instant now, List<HandlingUnit> catalogueUnits) {
        DigestKind.Period period = kind.period(day);
        List<DigestKind.Period> trend = kind.trend(day);
        LocalDate from = trend.get(0).from().isBefore(period.from()) ? trend.get(0).from() : period.from();
        LocalDate to = trend.get(trend.size() - 1).to().isAfter(period.to()) ? trend.get(trend.size() - 1).to() : period.to();
        Map<String, Map<LocalDate, Map<Counter, Long>>> days = reports.days(catalogueUnits, from, to);

        Map<String, Rates> periodRates = new java.util.LinkedHashMap<>();
        days.forEach((unit, byDay) -> periodRates.put(unit, sum(byDay, period)));
        Map<String, Ranking.Entry> ranking = new java.util.HashMap<>();
        if (kind == DigestKind.MONTHLY) {
            reports.ranking(YearMonth.from(period.from()), periodRates).forEach(e -> ranking.put(e.unitId(), e));
        }
        List<Digest.UnitPart> units = new ArrayList<>();
        for (HandlingUnit u : catalogueUnits) {
            Map<LocalDate, Map<Counter, Long>> byDay = days.getOrDefault(u.id(), Map.of());
            units.add(new Digest.UnitPart(u.id(), u.name(), periodRates.get(u.id()),
                    trend.stream().map(p -> sum(byDay, p)).toList(), ranking.get(u.id())));
        }
        List<Rates> overallTrend = trend.stream()
                .map(p -> RateReports.overall(collect(days, p))).toList();
        List<Digest.OverdueTicket> overdue = kind == DigestKind.DAILY ? overdue(now, catalogueUnits) : List.of();
        List<io.jiesu.core.digest.ArticleFlag> articles = kind == DigestKind.DAILY && knowledge != null
                ? knowledge.of(catalogueUnits, now) : List.of();
        return new Digest(kind, day, period, trend, units, RateReports.overall(periodRates), overallTrend, overdue,
                reports.minimumToRank(), null, articles);
    }

    /**
     * Tickets past a deadline (dispatch, sign, reply) or whose reply is due by the end of today. Each state of a
     * unit's inbox is read in due order, so a cap on one read leaves out only what falls due latest.
     */
    List<Digest.OverdueTicket> overdue(Instant now, List<HandlingUnit> units) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant endOfToday = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<Digest.OverdueTicket> lines = new ArrayList<>();
        for (HandlingUnit u : units) {
            for (TicketState state : List.of(TicketState.DISPATCHED, TicketState.SIGNED)) {
                for (InboxEntry e : store.inbox(u.id(), state, MAX_OPEN_PER_UNIT)) {
                    if ("lead".equals(e.role())) {
                        line(e, u.id(), u.name(), now, endOfToday).ifPresent(lines::add);
                    }
                }
            }
        }
        for (TicketState state : List.of(TicketState.RECEIVED, TicketState.AWAITING_DISPATCH, TicketState.JOINT_REVIEW)) {
            for (InboxEntry e : store.inbox(Inboxes.DISPATCH_POOL, state, MAX_OPEN_PER_UNIT)) {
                line(e, Inboxes.DISPATCH_POOL, HOTLINE_CENTRE, now, endOfToday).ifPresent(lines::add);
            }
        }
        lines.sort(Comparator.comparing(Digest.OverdueTicket::late).reversed()
                .thenComparing(Digest.OverdueTicket::dueAt).thenComparing(Digest.OverdueTicket::ticketId));
        return lines;
    }

    private java.util.Optional<Digest.OverdueTicket> line(InboxEntry e, String unit, String unitName, Instant now,
                                                          Instant endOfToday) {
        String step;
        Instant due;
        boolean handling = e.state() == TicketState.DISPATCHED || e.state() == TicketState.SIGNED;
        // a deadline already missed comes before one still to come today
        if (handling && e.replyDueAt() != null && e.replyDueAt().isBefore(now)) {
            step = "reply";
            due = e.replyDueAt();
        } else if (e.state() == TicketState.DISPATCHED && e.dueAt() != null && e.dueAt().isBefore(now)) {
            step = "sign";
            due = e.dueAt();
        } else if (handling && e.replyDueAt() != null && e.replyDueAt().isBefore(endOfToday)) {
            step = "reply";
            due = e.replyDueAt();
        } else if (Inboxes.DISPATCH_POOL.equals(unit) && e.dueAt() != null && e.dueAt().isBefore(now)) {
            step = "dispatch";
            due = e.dueAt();
        } else {
            return java.util.Optional.empty();
        }
        boolean late = due.isBefore(now);
        return java.util.Optional.of(new Digest.OverdueTicket(e.ticketId(), unit, unitName, e.category(), step, due, late,
                late ? workingDaysBetween(due.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate()) : 0,
                e.escalationLevel(), e.provincial()));
    }

    /** Working days after {@code from} up to and including {@code to}; at least 1 for a deadline already past. */
    private int workingDaysBetween(LocalDate from, LocalDate to) {
        WorkCalendar c = calendar.get();
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to) && n < 366; d = d.plusDays(1)) {
            if (c.isWorkingDay(d)) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    private static Rates sum(Map<LocalDate, Map<Counter, Long>> byDay, DigestKind.Period p) {
        return Rates.of(Rates.sum(byDay.entrySet().stream().filter(e -> p.contains(e.getKey())).map(Map.Entry::getValue).toList()));
    }

    private static Map<String, Rates> collect(Map<String, Map<LocalDate, Map<Counter, Long>>> days, DigestKind.Period p) {
        Map<String, Rates> byUnit = new java.util.HashMap<>();
        days.forEach((unit, byDay) -> byUnit.put(unit, sum(byDay, p)));
        return byUnit;
    }
}
