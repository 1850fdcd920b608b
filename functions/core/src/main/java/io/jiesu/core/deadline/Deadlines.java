package io.jiesu.core.deadline;

import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Category;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * When each step of a ticket is due (限时办结). Days are counted on the {@link WorkCalendar} in the
 * policy's zone; windows in hours are clock hours.
 */
public final class Deadlines {

    private final Supplier<WorkCalendar> calendars;
    private final Policy policy;

    public Deadlines(WorkCalendar calendar, Policy policy) {
        this(constant(Objects.requireNonNull(calendar, "calendar")), policy);
    }

    /** Deadlines on a calendar that can change while running (a new year's holiday list loaded). */
    public Deadlines(Supplier<WorkCalendar> calendars, Policy policy) {
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    private static Supplier<WorkCalendar> constant(WorkCalendar calendar) {
        return () -> calendar;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Complaints and reports go out at once; others the same day in working hours, and by the
     * dispatch time (10:00) of the next working day when they arrive out of hours.
     */
    public Instant dispatchDue(Category category, Instant receivedAt) {
        if (category.urgent()) {
            return receivedAt;
        }
        WorkCalendar calendar = calendars.get();
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

    /** Provincial tickets may run on a shorter clock: reply days times the policy's factor, rounded up. */
    public Instant replyDue(Category category, Instant dispatchedAt, boolean provincial) {
        return endOfWorkingDays(dispatchedAt, replyDays(category, provincial));
    }

    public int replyDays(Category category, boolean provincial) {
        int days = policy.replyDays(category);
        return provincial ? Math.max(1, (int) Math.ceil(days * policy.supervision().provincialFactor())) : days;
    }

    /**
     * When a dispatch is overdue: out-of-hours tickets by the dispatch time of the next working day; complaints
     * and reports, which go out at once, a short grace after intake.
     */
    public Instant dispatchOverdueAt(Category category, Instant receivedAt) {
        return category.urgent() ? receivedAt.plus(policy.supervision().urgentDispatchWithin())
                : dispatchDue(category, receivedAt);
    }

    /**
     * When the unit is reminded of its reply: a consultation (due within a day) some working hours before;
     * others at close of business the given working days before the due day. Equal to the due time when the
     * policy sets no lead.
     */
    public Instant reminderAt(Category category, Instant replyDue) {
        Policy.Supervision s = policy.supervision();
        if (category == Category.CONSULTATION) {
            return minusWorkingTime(replyDue, s.consultationReminderLead());
        }
        if (s.reminderLeadDays() == 0) {
            return replyDue;
        }
        WorkCalendar calendar = calendars.get();
        LocalDate day = replyDue.atZone(policy.zone()).toLocalDate();
        for (int i = 0; i < s.reminderLeadDays(); i++) {
            day = previousWorkingDay(calendar, day);
        }
        return at(day, policy.closeOfBusiness());
    }

    /**
     * The escalation ladder once a reply is overdue: step 1 (system notice) when the reply falls due, each
     * further step (official document, leader in charge) the policy's interval of working days later.
     */
    public Instant escalationAt(Instant replyDue, int step) {
        return step <= 1 ? replyDue
                : endOfWorkingDays(replyDue, policy.supervision().escalationIntervalDays() * (step - 1));
    }

    /** A reply deadline moved by an approved extension of some working days. */
    public Instant extended(Instant replyDue, int days) {
        return endOfWorkingDays(replyDue, days);
    }

    /** Steps back a duration of working time (working days, business hours). */
    private Instant minusWorkingTime(Instant from, Duration lead) {
        WorkCalendar calendar = calendars.get();
        ZonedDateTime t = from.atZone(policy.zone());
        LocalDate day = t.toLocalDate();
        LocalTime end = t.toLocalTime().isAfter(policy.closeOfBusiness()) ? policy.closeOfBusiness() : t.toLocalTime();
        long remaining = lead.toMinutes();
        for (int guard = 0; guard < 400; guard++) {
            if (calendar.isWorkingDay(day) && end.isAfter(policy.businessOpens())) {
                long available = Duration.between(policy.businessOpens(), end).toMinutes();
                if (remaining <= available) {
                    return at(day, end.minusMinutes(remaining));
                }
                remaining -= available;
            }
            day = day.minusDays(1);
            end = policy.closeOfBusiness();
        }
        throw new IllegalStateException("no working time within 400 days before " + from);
    }

    private static LocalDate previousWorkingDay(WorkCalendar calendar, LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
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
        return at(calendars.get().plusWorkingDays(startDay, n), policy.closeOfBusiness());
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(policy.zone()).toInstant();
    }
}
