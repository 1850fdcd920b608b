package io.jiesu.core.deadline;

import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Category;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When each step of a ticket is due (限时办结). Days are counted on the {@link WorkCalendar} in the
 * policy's zone; windows in hours are clock hours.
 */
public final class Deadlines {

    private final WorkCalendar calendar;
    private final Policy policy;

    public Deadlines(WorkCalendar calendar, Policy policy) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Complaints and reports go out at once; others the same day in working hours, and by the
     * dispatch time (10:00) of the next working day when they arrive out of hours.
     */
    public Instant dispatchDue(Category category, Instant receivedAt) {
        if (category.urgent()) {
            return receivedAt;
        }
        ZonedDateTime received = receivedAt.atZone(policy.zone());
        LocalDate day = received.toLocalDate();
        LocalTime time = received.toLocalTime();
        if (calendar.isWorkingDay(day)) {
            if (time.isBefore(policy.businessOpens())) {
                return at(day, policy.dispatchNextDayBy());
            }
            if (time.isBefore(policy.closeOfBusiness())) {
                return at(day, policy.closeOfBusiness());
            }
        }
        return at(calendar.nextWorkingDay(day), policy.dispatchNextDayBy());
    }

    /** The unit signs (签收) within the sign window. */
    public Instant signDue(Instant dispatchedAt) {
        return dispatchedAt.plus(policy.signWindow());
    }

    /** A unit may return (退回) a ticket outside its remit within the return window of signing. */
    public Instant returnDue(Instant signedAt) {
        return signedAt.plus(policy.returnWindow());
    }

    public Instant replyDue(Category category, Instant dispatchedAt) {
        return endOfWorkingDays(dispatchedAt, policy.replyDays(category));
    }

    /** The centre calls the citizen back (回访) within the callback window after the reply. */
    public Instant callbackDue(Instant repliedAt) {
        return endOfWorkingDays(repliedAt, policy.callbackWindowDays());
    }

    /**
     * A period of {@code n} working days, as the Civil Code (arts. 201–203) counts it: the start day
     * is not counted, and the period ends at close of business of its last day. Counting working
     * days only already moves a last day off to the next working day.
     */
    public Instant endOfWorkingDays(Instant start, int n) {
        LocalDate startDay = start.atZone(policy.zone()).toLocalDate();
        return at(calendar.plusWorkingDays(startDay, n), policy.closeOfBusiness());
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(policy.zone()).toInstant();
    }
}
