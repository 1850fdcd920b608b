package io.jiesu.aws.policy;

import io.jiesu.core.policy.Policy;
import io.jiesu.core.ticket.Category;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jiesu.policy.* properties, read as the functions read them (SmallRye Config), into the policy. */
class PolicyConfigTest {

    private final Policy defaults = Policy.defaults();

    private static Policy policy(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(PolicyConfig.class)
                .build();
        return PolicyBeans.of(config.getConfigMapping(PolicyConfig.class));
    }

    private static String refusal(Map<String, String> properties) {
        return assertThrows(RuntimeException.class, () -> policy(properties)).getMessage();
    }

    @Test
    void noPropertiesIsTheNationalPolicy() {
        assertEquals(defaults, policy(Map.of()));
    }

    @Test
    void keysAreTheJiesuPolicyProperties() {
        Policy p = policy(Map.of(
                "jiesu.policy.reply-days.help_request", "4",
                "jiesu.policy.business-hours.close", "18:00",
                "jiesu.policy.sign-window", "PT4H",
                "jiesu.policy.zone", "Asia/Urumqi"));
        assertEquals(4, p.replyDays(Category.HELP_REQUEST));
        assertEquals(LocalTime.of(18, 0), p.closeOfBusiness());
        assertEquals(Duration.ofHours(4), p.signWindow());
        assertEquals(ZoneId.of("Asia/Urumqi"), p.zone());
    }

    @Test
    void keysNotGivenKeepTheirDefaults() {
        Policy p = policy(Map.of("jiesu.policy.reply-days.complaint", "10"));
        assertEquals(10, p.replyDays(Category.COMPLAINT));
        assertEquals(15, p.replyDays(Category.REPORT));
        assertEquals(30, p.maxDays(Category.COMPLAINT));
        assertEquals(LocalTime.of(17, 30), p.closeOfBusiness());
        assertEquals(15, defaults.replyDays(Category.COMPLAINT), "defaults are not changed");
    }

    @Test
    void everyOtherKeyIsReadToo() {
        Policy p = policy(Map.ofEntries(
                Map.entry("jiesu.policy.business-hours.open", "08:30"),
                Map.entry("jiesu.policy.dispatch.next-day-by", "09:30"),
                Map.entry("jiesu.policy.return-window", "PT12H"),
                Map.entry("jiesu.policy.max-days.consultation", "2"),
                Map.entry("jiesu.policy.extension-days.report", "5"),
                Map.entry("jiesu.policy.max-extensions.report", "1"),
                Map.entry("jiesu.policy.callback-window-days", "5"),
                Map.entry("jiesu.policy.returns-before-joint-review", "3"),
                Map.entry("jiesu.policy.reminder.lead-days", "2"),
                Map.entry("jiesu.policy.reminder.consultation-lead", "PT1H"),
                Map.entry("jiesu.policy.escalation.interval-days", "1"),
                Map.entry("jiesu.policy.escalation.levels", "2"),
                Map.entry("jiesu.policy.provincial.factor", "0.5"),
                Map.entry("jiesu.policy.on-site.after-reopens", "1"),
                Map.entry("jiesu.policy.dispatch.urgent-within", "PT15M")));
        assertEquals(LocalTime.of(8, 30), p.businessOpens());
        assertEquals(LocalTime.of(9, 30), p.dispatchNextDayBy());
        assertEquals(Duration.ofHours(12), p.returnWindow());
        assertEquals(2, p.maxDays(Category.CONSULTATION));
        assertEquals(20, p.maxDays(Category.REPORT));
        assertEquals(5, p.callbackWindowDays());
        assertEquals(3, p.returnsBeforeJointReview());
        assertEquals(new Policy.Supervision(2, Duration.ofHours(1), 1, 2, 0.5, 1, Duration.ofMinutes(15)),
                p.supervision());
    }

    @Test
    void aBadValueIsRefusedNamingTheKeyAndTheValue() {
        String message = refusal(Map.of("jiesu.policy.sign-window", "two hours"));
        assertTrue(message.contains("jiesu.policy.sign-window") && message.contains("two hours")
                && message.contains("expected an ISO-8601 duration such as PT2H"), message);
    }

    @Test
    void zeroReplyDaysAreRefused() {
        assertEquals("policy key 'jiesu.policy.reply-days.consultation' has a bad value '0': "
                + "expected a whole number of at least 1", refusal(Map.of("jiesu.policy.reply-days.consultation", "0")));
    }

    @Test
    void anUnknownZoneIsRefused() {
        String message = refusal(Map.of("jiesu.policy.zone", "Asia/Beijing"));
        assertTrue(message.contains("jiesu.policy.zone") && message.contains("Asia/Beijing"), message);
    }

    @Test
    void anUnknownCategoryIsRefusedSoATypoDoesNotLeaveTheDefaultInForce() {
        String message = refusal(Map.of("jiesu.policy.reply-days.complain", "10"));
        assertTrue(message.startsWith("unknown policy key 'jiesu.policy.reply-days.complain'"), message);
    }

    @Test
    void anUnknownKeyIsRefusedSoATypoDoesNotLeaveTheDefaultInForce() {
        String message = refusal(Map.of("jiesu.policy.sign-windw", "PT4H"));
        assertTrue(message.contains("jiesu.policy.sign-windw"), message);
    }

    @Test
    void replyDaysBeyondTheMostAfterExtensionAreRefused() {
        assertEquals("max-days.consultation (3) is less than reply-days.consultation (4)",
                refusal(Map.of("jiesu.policy.reply-days.consultation", "4")));
    }

    @Test
    void closingBeforeOpeningIsRefused() {
        assertEquals("business-hours.open (09:00) must be before business-hours.close (08:00)",
                refusal(Map.of("jiesu.policy.business-hours.close", "08:00")));
    }
}
