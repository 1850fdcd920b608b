package io.jiesu.core.policy;

import io.jiesu.core.ticket.Category;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyOverridesTest {

    private final Policy defaults = Policy.defaults();

    @Test
    void keysWorkWithAndWithoutTheJiesuPolicyPrefix() {
        Policy p = defaults.withOverrides(Map.of(
                "jiesu.policy.reply-days.help_request", "4",
                "business-hours.close", "18:00",
                "jiesu.policy.sign-window", "PT4H",
                "zone", "Asia/Urumqi"));
        assertEquals(4, p.replyDays(Category.HELP_REQUEST));
        assertEquals(LocalTime.of(18, 0), p.closeOfBusiness());
        assertEquals(Duration.ofHours(4), p.signWindow());
        assertEquals(ZoneId.of("Asia/Urumqi"), p.zone());
    }

    @Test
    void keysNotGivenKeepTheirDefaults() {
        Policy p = defaults.withOverrides(Map.of("reply-days.complaint", "10"));
        assertEquals(10, p.replyDays(Category.COMPLAINT));
        assertEquals(15, p.replyDays(Category.REPORT));
        assertEquals(30, p.maxDays(Category.COMPLAINT));
        assertEquals(LocalTime.of(17, 30), p.closeOfBusiness());
        assertEquals(15, defaults.replyDays(Category.COMPLAINT), "defaults are not changed");
    }

    @Test
    void everyOtherKeyIsReadToo() {
        Policy p = defaults.withOverrides(Map.of(
                "business-hours.open", "08:30",
                "dispatch.next-day-by", "09:30",
                "return-window", "PT12H",
                "max-days.consultation", "2",
                "extension-days.report", "5",
                "max-extensions.report", "1",
                "callback-window-days", "5",
                "returns-before-joint-review", "3"));
        assertEquals(LocalTime.of(8, 30), p.businessOpens());
        assertEquals(LocalTime.of(9, 30), p.dispatchNextDayBy());
        assertEquals(Duration.ofHours(12), p.returnWindow());
        assertEquals(2, p.maxDays(Category.CONSULTATION));
        assertEquals(20, p.maxDays(Category.REPORT));
        assertEquals(5, p.callbackWindowDays());
        assertEquals(3, p.returnsBeforeJointReview());
    }

    @Test
    void aBadValueIsRefusedNamingTheKeyAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withOverrides(Map.of("jiesu.policy.sign-window", "two hours")));
        assertEquals("policy key 'jiesu.policy.sign-window' has a bad value 'two hours': "
                + "expected an ISO-8601 duration such as PT2H", e.getMessage());
    }

    @Test
    void zeroReplyDaysAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withOverrides(Map.of("reply-days.consultation", "0")));
        assertEquals("policy key 'reply-days.consultation' has a bad value '0': "
                + "expected a whole number of at least 1", e.getMessage());
    }

    @Test
    void anUnknownZoneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withOverrides(Map.of("zone", "Asia/Beijing")));
        assertTrue(e.getMessage().startsWith("policy key 'zone' has a bad value 'Asia/Beijing'"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedSoATypoDoesNotLeaveTheDefaultInForce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withOverrides(Map.of("reply-days.complain", "10")));
        assertTrue(e.getMessage().startsWith("unknown policy key 'reply-days.complain'"), e.getMessage());
    }

    @Test
    void replyDaysBeyondTheMostAfterExtensionAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withOverrides(Map.of("reply-days.consultation", "4")));
        assertEquals("max-days.consultation (3) is less than reply-days.consultation (4)", e.getMessage());
    }

    @Test
    void closingBeforeOpeningIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.withOverrides(Map.of("business-hours.close", "08:00")));
        assertEquals("business-hours.open (09:00) must be before business-hours.close (08:00)", e.getMessage());
    }
}
