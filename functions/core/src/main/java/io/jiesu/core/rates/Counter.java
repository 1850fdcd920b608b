package io.jiesu.core.rates;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What is counted per unit per day as tickets move (docs/domain.md, "The life of a ticket" 9; docs/rates.md).
 * DUE is counted on the day a reply falls due (so it can be counted ahead, and moved by an extension or a reopening), and CLOSED
 * and CLOSED_FIRST_TIME beside it on that same day; SIGNED_IN_TIME and SIGNED_LATE on the day of the dispatch
 * they answer; the others on the day they happen. So each rate's numerator counts tickets of its denominator.
 */
public enum Counter {
    DISPATCHED, SIGNED_IN_TIME, SIGNED_LATE, RETURNED, REPLIED, REPLIED_IN_TIME, OVERDUE, EXTENDED, REOPENED,
    DUE, CLOSED, CLOSED_FIRST_TIME,
    RATED, SATISFIED, BASICALLY_SATISFIED, UNSATISFIED, ANSWERED, SOLVED,
    /**
     * Routing decisions (a dispatch, not a reopening), on the day of the dispatch, and of those the ones never
     * returned: a return takes its ticket back out of *_KEPT on its dispatch's day, so the accuracy stays a cohort.
     * ROUTED counts every dispatch, ROUTER_* the learned router's, HAND_* a dispatcher's or joint review's.
     */
    ROUTED, ROUTED_KEPT, ROUTER_ROUTED, ROUTER_KEPT, HAND_ROUTED, HAND_KEPT,
    /**
     * Consultations, each counted once for the unit it belongs to: the owner of the article it was answered on the
     * spot from (on the intake day, with ON_THE_SPOT), or the unit it was dispatched to (on the dispatch day; a
     * return takes it back out, and the next unit counts it).
     */
    CONSULTATIONS, ON_THE_SPOT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
