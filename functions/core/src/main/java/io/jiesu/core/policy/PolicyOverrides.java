package io.jiesu.core.policy;

import io.jiesu.core.ticket.Category;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * A policy with some of its numbers changed (see {@link Policy} for each key). Reading the keys is the
 * configuration's job (the deployment's {@code jiesu.policy.*} properties); this keeps the hotline's own limits:
 * a bad number is refused naming its key, so a typo never leaves a default in force unnoticed.
 */
public final class PolicyOverrides {
    private ZoneId zone;
    private LocalTime opens;
    private LocalTime closes;
    private LocalTime nextDayBy;
    private Duration signWindow;
    private Duration returnWindow;
    private final Map<Category, Integer> replyDays;
    private final Map<Category, Integer> maxDays;
    private final Map<Category, Integer> extensionDays;
    private final Map<Category, Integer> maxExtensions;
    private int callbackWindowDays;
    private int returnsBeforeJointReview;
    private int reminderLeadDays;
    private Duration consultationReminderLead;
    private int escalationIntervalDays;
    private int escalationLevels;
    private double provincialFactor;
    private int onSiteAfterReopens;
    private Duration urgentDispatchWithin;

    PolicyOverrides(Policy p) {
        zone = p.zone();
        opens = p.businessOpens();
        closes = p.closeOfBusiness();
        nextDayBy = p.dispatchNextDayBy();
        signWindow = p.signWindow();
        returnWindow = p.returnWindow();
        replyDays = copy(p.replyDays());
        maxDays = copy(p.maxDays());
        extensionDays = copy(p.extensionDays());
        maxExtensions = copy(p.maxExtensions());
        callbackWindowDays = p.callbackWindowDays();
        returnsBeforeJointReview = p.returnsBeforeJointReview();
        Policy.Supervision s = p.supervision();
        reminderLeadDays = s.reminderLeadDays();
        consultationReminderLead = s.consultationReminderLead();
        escalationIntervalDays = s.escalationIntervalDays();
        escalationLevels = s.escalationLevels();
        provincialFactor = s.provincialFactor();
        onSiteAfterReopens = s.onSiteAfterReopens();
        urgentDispatchWithin = s.urgentDispatchWithin();
    }

    /** The changed policy; refuses one that breaks a rule across keys (close before open, reply beyond the most). */
    public Policy apply() {
        return new Policy(zone, opens, closes, nextDayBy, signWindow, returnWindow,
                replyDays, maxDays, extensionDays, maxExtensions, callbackWindowDays, returnsBeforeJointReview,
                new Policy.Supervision(reminderLeadDays, consultationReminderLead, escalationIntervalDays,
                        escalationLevels, provincialFactor, onSiteAfterReopens, urgentDispatchWithin));
    }

    public PolicyOverrides zone(ZoneId value) {
        zone = value;
        return this;
    }

    public PolicyOverrides businessOpens(LocalTime value) {
        opens = value;
        return this;
    }

    public PolicyOverrides closeOfBusiness(LocalTime value) {
        closes = value;
        return this;
    }

    public PolicyOverrides dispatchNextDayBy(LocalTime value) {
        nextDayBy = value;
        return this;
    }

    public PolicyOverrides signWindow(Duration value) {
        signWindow = positive("sign-window", value);
        return this;
    }

    public PolicyOverrides returnWindow(Duration value) {
        returnWindow = positive("return-window", value);
        return this;
    }

    public PolicyOverrides replyDays(Category c, int days) {
        replyDays.put(c, atLeast("reply-days." + c.code(), days, 1));
        return this;
    }

    public PolicyOverrides maxDays(Category c, int days) {
        maxDays.put(c, atLeast("max-days." + c.code(), days, 1));
        return this;
    }

    public PolicyOverrides extensionDays(Category c, int days) {
        extensionDays.put(c, atLeast("extension-days." + c.code(), days, 1));
        return this;
    }

    public PolicyOverrides maxExtensions(Category c, int count) {
        maxExtensions.put(c, atLeast("max-extensions." + c.code(), count, 0));
        return this;
    }

    public PolicyOverrides callbackWindowDays(int days) {
        callbackWindowDays = atLeast("callback-window-days", days, 1);
        return this;
    }

    public PolicyOverrides returnsBeforeJointReview(int returns) {
        returnsBeforeJointReview = atLeast("returns-before-joint-review", returns, 1);
        return this;
    }

    public PolicyOverrides reminderLeadDays(int days) {
        reminderLeadDays = atLeast("reminder.lead-days", days, 0);
        return this;
    }

    public PolicyOverrides consultationReminderLead(Duration value) {
        consultationReminderLead = positive("reminder.consultation-lead", value);
        return this;
    }

    public PolicyOverrides escalationIntervalDays(int days) {
        escalationIntervalDays = atLeast("escalation.interval-days", days, 1);
        return this;
    }

    public PolicyOverrides escalationLevels(int levels) {
        escalationLevels = atLeast("escalation.levels", levels, 1);
        return this;
    }

    public PolicyOverrides provincialFactor(double factor) {
        provincialFactor = factor;
        return this;
    }

    public PolicyOverrides onSiteAfterReopens(int reopens) {
        onSiteAfterReopens = atLeast("on-site.after-reopens", reopens, 1);
        return this;
    }

    public PolicyOverrides urgentDispatchWithin(Duration value) {
        urgentDispatchWithin = positive("dispatch.urgent-within", value);
        return this;
    }

    private static Duration positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw bad(key, d, "a positive duration");
        }
        return d;
    }

    private static int atLeast(String key, int n, int least) {
        if (n < least) {
            throw bad(key, n, "a whole number of at least " + least);
        }
        return n;
    }

    private static IllegalArgumentException bad(String key, Object value, String expected) {
        return new IllegalArgumentException("policy key '" + Policy.PREFIX + key + "' has a bad value '" + value
                + "': expected " + expected);
    }

    private static Map<Category, Integer> copy(Map<Category, Integer> map) {
        Map<Category, Integer> copy = new EnumMap<>(Category.class);
        copy.putAll(map);
        return copy;
    }
}
