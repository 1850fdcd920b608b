package io.jiesu.core.deadline;

import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Category;
import org.junit.jupiter.api.Test;

import static io.jiesu.core.deadline.ShanghaiTime.at;
import static io.jiesu.core.deadline.ShanghaiTime.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/domain.md's worked examples and their neighbours. */
class ReplyDeadlineTest {

    private final Deadlines deadlines = new Deadlines(WorkCalendar.bundled(), Policy.defaults());

    @Test
    void aComplaintDispatchedOnFeb12IsDueAtCloseOfBusinessOnMarch11() {
        // Spring Festival 02-15..02-23 skipped; make-up Saturdays 02-14 and 02-28 counted.
        assertEquals("2026-03-11T17:30+08:00",
                show(deadlines.replyDue(Category.COMPLAINT, at("2026-02-12T10:00"))));
    }

    @Test
    void aConsultationDispatchedAt1755OnSeptember30IsDueOnOctober8() {
        assertEquals("2026-10-08T17:30+08:00",
                show(deadlines.replyDue(Category.CONSULTATION, at("2026-09-30T17:55"))));
    }

    @Test
    void aHelpRequestDispatchedBeforeNationalDay2025EndsOnTheMakeUpSaturday() {
        // 10-09 Thu, 10-10 Fri, 10-11 Sat (worked)
        assertEquals("2025-10-11T17:30+08:00",
                show(deadlines.replyDue(Category.HELP_REQUEST, at("2025-09-30T09:15"))));
    }

    @Test
    void aConsultationDispatchedOnASaturdayIsDueOnMonday() {
        assertEquals("2026-03-09T17:30+08:00",
                show(deadlines.replyDue(Category.CONSULTATION, at("2026-03-07T11:00"))));
    }

    @Test
    void theDayIsTheShanghaiDayNotTheUtcDay() {
        // 01:00 on Friday 13 February in Shanghai is still the 12th in UTC.
        assertEquals("2026-02-14T17:30+08:00",
                show(deadlines.replyDue(Category.CONSULTATION, at("2026-02-13T01:00"))));
    }

    @Test
    void aLaterCloseOfBusinessMovesTheEndOfThePeriod() {
        Deadlines late = new Deadlines(WorkCalendar.bundled(),
                Policy.defaults().overrides().closeOfBusiness(java.time.LocalTime.of(18, 0)).apply());
        assertEquals("2026-10-08T18:00+08:00",
                show(late.replyDue(Category.CONSULTATION, at("2026-09-30T17:55"))));
    }
}
