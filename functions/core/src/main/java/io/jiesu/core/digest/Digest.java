package io.jiesu.core.digest;

import io.jiesu.core.rates.Ranking;
import io.jiesu.core.rates.Rates;
import io.jiesu.core.ticket.Category;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one digest tells, before it is written as an email: the rates of each unit and of all units over the
 * period, their trend, the ranking (monthly), the overdue tickets and the knowledge-base articles to look at (daily).
 * No citizen data: a ticket is
 * named by its id, category and unit only.
 */
public record Digest(DigestKind kind, LocalDate day, DigestKind.Period period, List<DigestKind.Period> trendPeriods,
                     List<UnitPart> units, Rates overall, List<Rates> overallTrend, List<OverdueTicket> overdue,
                     int minimumToRank, String onlyUnit, List<ArticleFlag> articles) {

    public Digest {
        articles = articles == null ? List.of() : List.copyOf(articles);
    }

    /** A digest without knowledge-base lines. */
    public Digest(DigestKind kind, LocalDate day, DigestKind.Period period, List<DigestKind.Period> trendPeriods,
                  List<UnitPart> units, Rates overall, List<Rates> overallTrend, List<OverdueTicket> overdue,
                  int minimumToRank, String onlyUnit) {
        this(kind, day, period, trendPeriods, units, overall, overallTrend, overdue, minimumToRank, onlyUnit, List.of());
    }

    /** One unit's lines: its rates, their trend (one per trend period), and its place in the ranking. */
    public record UnitPart(String unitId, String name, Rates rates, List<Rates> trend, Ranking.Entry ranking) {
    }

    /**
     * A ticket past a deadline ({@code late}), or due later today. {@code unitName} is the catalogue's name of
     * the unit that holds it (the hotline centre's, for a dispatch awaited); {@code step} is what is awaited
     * (dispatch, sign, reply); {@code workingDaysLate} counts the working days since the due day.
     */
    public record OverdueTicket(String ticketId, String unitId, String unitName, Category category, String step,
                                Instant dueAt, boolean late, int workingDaysLate, int escalationLevel, boolean provincial) {
    }

    /** A unit head's part: their unit's lines and tickets, beside the figures of all units for comparison. */
    public Digest forUnit(String unitId) {
        return new Digest(kind, day, period, trendPeriods,
                units.stream().filter(u -> u.unitId().equals(unitId)).toList(), overall, overallTrend,
                overdue.stream().filter(o -> unitId.equals(o.unitId())).toList(), minimumToRank, unitId,
                articles.stream().filter(a -> unitId.equals(a.unitId())).toList());
    }

    public long lateCount() {
        return overdue.stream().filter(OverdueTicket::late).count();
    }
}
