package io.jiesu.core.deadline;

import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.policy.Policy;
import org.junit.jupiter.api.Test;


import static io.jiesu.core.deadline.ShanghaiTime.at;
import static io.jiesu.core.deadline.ShanghaiTime.show;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CallbackDeadlineTest {

    private final Deadlines deadlines = new Deadlines(WorkCalendar.bundled(), Policy.defaults());

    @Test
    void aReplyOnSeptember30IsCalledBackByTheMakeUpSaturdayOctober10() {
        // 10-08 Thu, 10-09 Fri, 10-10 Sat (worked) after National Day 2026
        assertEquals("2026-10-10T17:30+08:00", show(deadlines.callbackDue(at("2026-09-30T15:00"))));
    }

    @Test
    void aDeploymentsCallbackWindowIsUsed() {
        Deadlines oneDay = new Deadlines(WorkCalendar.bundled(),
                Policy.defaults().overrides().callbackWindowDays(1).apply());
        assertEquals("2026-10-08T17:30+08:00", show(oneDay.callbackDue(at("2026-09-30T15:00"))));
    }
}
