package io.jiesu.aws.policy;

import io.jiesu.core.policy.Policy;
import io.jiesu.core.policy.PolicyOverrides;
import io.jiesu.core.ticket.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/** The deployment's policy: the national one with its {@code jiesu.policy.*} properties applied. */
@ApplicationScoped
public class PolicyBeans {

    @Produces
    @Singleton
    Policy policy(PolicyConfig config) {
        return of(config);
    }

    /** Each property set changes its number; the policy refuses a bad one, naming its key. */
    public static Policy of(PolicyConfig c) {
        PolicyOverrides o = Policy.defaults().overrides();
        c.zone().ifPresent(o::zone);
        c.businessHours().open().ifPresent(o::businessOpens);
        c.businessHours().close().ifPresent(o::closeOfBusiness);
        c.dispatch().nextDayBy().ifPresent(o::dispatchNextDayBy);
        c.dispatch().urgentWithin().ifPresent(o::urgentDispatchWithin);
        c.signWindow().ifPresent(o::signWindow);
        c.returnWindow().ifPresent(o::returnWindow);
        perCategory("reply-days", c.replyDays(), o::replyDays);
        perCategory("max-days", c.maxDays(), o::maxDays);
        perCategory("extension-days", c.extensionDays(), o::extensionDays);
        perCategory("max-extensions", c.maxExtensions(), o::maxExtensions);
        c.callbackWindowDays().ifPresent(o::callbackWindowDays);
        c.returnsBeforeJointReview().ifPresent(o::returnsBeforeJointReview);
        c.reminder().leadDays().ifPresent(o::reminderLeadDays);
        c.reminder().consultationLead().ifPresent(o::consultationReminderLead);
        c.escalation().intervalDays().ifPresent(o::escalationIntervalDays);
        c.escalation().levels().ifPresent(o::escalationLevels);
        c.provincial().factor().ifPresent(o::provincialFactor);
        c.onSite().afterReopens().ifPresent(o::onSiteAfterReopens);
        return o.apply();
    }

    private static void perCategory(String key, Map<String, Integer> byCode, ObjIntConsumer<Category> set) {
        byCode.forEach((code, value) -> set.accept(Category.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown policy key '" + Policy.PREFIX + key + "." + code + "'; " + key + ". is followed by one of: "
                        + String.join(", ", Arrays.stream(Category.values()).map(Category::code).toList()))), value));
    }
}
