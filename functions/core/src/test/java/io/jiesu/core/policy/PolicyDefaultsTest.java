package io.jiesu.core.policy;

import io.jiesu.core.ticket.Category;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The national defaults (docs/domain.md, "The life of a ticket"). */
class PolicyDefaultsTest {

    private final Policy policy = Policy.defaults();

    @Test
    void timesAreCountedInShanghaiWithBusinessHoursNineToHalfPastFive() {
        assertEquals(ZoneId.of("Asia/Shanghai"), policy.zone());
        assertEquals(LocalTime.of(9, 0), policy.businessOpens());
        assertEquals(LocalTime.of(17, 30), policy.closeOfBusiness());
        assertEquals(LocalTime.of(10, 0), policy.dispatchNextDayBy());
    }

    @Test
    void aUnitSignsWithinTwoHoursAndReturnsWithinTwentyFour() {
        assertEquals(Duration.ofHours(2), policy.signWindow());
        assertEquals(Duration.ofHours(24), policy.returnWindow());
    }

    @Test
    void replyDaysAreOneThreeThreeFifteenFifteen() {
        assertEquals(1, policy.replyDays(Category.CONSULTATION));
        assertEquals(3, policy.replyDays(Category.HELP_REQUEST));
        assertEquals(3, policy.replyDays(Category.SUGGESTION));
        assertEquals(15, policy.replyDays(Category.COMPLAINT));
        assertEquals(15, policy.replyDays(Category.REPORT));
    }

    @Test
    void mostDaysAfterExtensionAreThreeFiveFiveAndThirtyFiveForComplaintsAndReports() {
        assertEquals(3, policy.maxDays(Category.CONSULTATION));
        assertEquals(5, policy.maxDays(Category.HELP_REQUEST));
        assertEquals(5, policy.maxDays(Category.SUGGESTION));
        // 15 + two extensions of 10
        assertEquals(35, policy.maxDays(Category.COMPLAINT));
        assertEquals(35, policy.maxDays(Category.REPORT));
    }

    @Test
    void complaintsAndReportsAreExtendedByTenDaysAtMostTwice() {
        assertEquals(OptionalInt.of(10), policy.extensionDays(Category.COMPLAINT));
        assertEquals(OptionalInt.of(2), policy.maxExtensions(Category.REPORT));
        assertEquals(OptionalInt.empty(), policy.extensionDays(Category.CONSULTATION));
    }

    @Test
    void theCentreCallsBackWithinThreeWorkingDaysAndTwoReturnsGoToJointReview() {
        assertEquals(3, policy.callbackWindowDays());
        assertEquals(2, policy.returnsBeforeJointReview());
    }
}
