package io.jiesu.core.deadline;

import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Category;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.jiesu.core.deadline.ShanghaiTime.at;
import static io.jiesu.core.deadline.ShanghaiTime.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DispatchDeadlineTest {

    private final Deadlines deadlines = new Deadlines(WorkCalendar.bundled(), Policy.defaults());

    @Test
    void aHelpRequestReceivedAt2300OnFridayIsDispatchedBy1000OnMonday() {
        assertEquals("2026-03-09T10:00+08:00",
                show(deadlines.dispatchDue(Category.HELP_REQUEST, at("2026-03-06T23:00"))));
    }

    @Test
    void aTicketReceivedFridayNightBeforeAMakeUpSaturdayIsDispatchedOnThatSaturday() {
        assertEquals("2026-02-14T10:00+08:00",
                show(deadlines.dispatchDue(Category.SUGGESTION, at("2026-02-13T23:00"))));
    }

    @Test
    void aTicketReceivedInWorkingHoursIsDispatchedByCloseOfBusinessThatDay() {
        assertEquals("2026-03-10T17:30+08:00",
                show(deadlines.dispatchDue(Category.CONSULTATION, at("2026-03-10T14:00"))));
    }

    @Test
    void aTicketReceivedBeforeOpeningOnAWorkingDayIsDispatchedBy1000ThatDay() {
        assertEquals("2026-03-10T10:00+08:00",
                show(deadlines.dispatchDue(Category.CONSULTATION, at("2026-03-10T07:30"))));
    }

    @Test
    void aTicketReceivedExactlyAtCloseOfBusinessWaitsForTheNextWorkingDay() {
        assertEquals("2026-03-11T10:00+08:00",
                show(deadlines.dispatchDue(Category.CONSULTATION, at("2026-03-10T17:30"))));
    }

    @Test
    void aTicketReceivedOnAHolidayWeekdayWaitsForTheFirstDayBackAfterNationalDay() {
        assertEquals("2026-10-08T10:00+08:00",
                show(deadlines.dispatchDue(Category.HELP_REQUEST, at("2026-10-05T11:00"))));
    }

    @Test
    void aComplaintOrReportIsDispatchedAtOnceEvenAtNightOnAHoliday() {
        Instant received = at("2026-10-05T23:40");
        assertEquals(received, deadlines.dispatchDue(Category.COMPLAINT, received));
        assertEquals(received, deadlines.dispatchDue(Category.REPORT, received));
    }
}
