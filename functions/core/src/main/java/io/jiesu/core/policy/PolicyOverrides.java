package io.jiesu.core.policy;

import io.jiesu.core.ticket.Category;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads {@link Policy#withOverrides} keys; kept apart so Policy stays a plain record. */
final class PolicyOverrides {

    private static final List<String> PLAIN_KEYS = List.of("zone", "business-hours.open",
            "business-hours.close", "dispatch.next-day-by", "sign-window", "return-window",
            "callback-window-days", "returns-before-joint-review", "reminder.lead-days", "reminder.consultation-lead",
            "escalation.interval-days", "escalation.levels", "provincial.factor", "on-site.after-reopens",
            "dispatch.urgent-within");
    private static final List<String> CATEGORY_KEYS = List.of("reply-days.", "max-days.",
            "extension-days.", "max-extensions.");

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

    private PolicyOverrides(Policy p) {
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

    static Policy apply(Policy base, Map<String, String> overrides) {
        PolicyOverrides o = new PolicyOverrides(base);
        overrides.forEach(o::set);
        return new Policy(o.zone, o.opens, o.closes, o.nextDayBy, o.signWindow, o.returnWindow,
                o.replyDays, o.maxDays, o.extensionDays, o.maxExtensions,
                o.callbackWindowDays, o.returnsBeforeJointReview,
                new Policy.Supervision(o.reminderLeadDays, o.consultationReminderLead, o.escalationIntervalDays,
                        o.escalationLevels, o.provincialFactor, o.onSiteAfterReopens, o.urgentDispatchWithin));
    }

    private void set(String givenKey, String rawValue) {
        if (givenKey == null) {
            throw new IllegalArgumentException("policy key is null");
        }
        String key = givenKey.trim();
        if (key.startsWith(Policy.PREFIX)) {
            key = key.substring(Policy.PREFIX.length());
        }
        String value = rawValue == null ? "" : rawValue.trim();
        switch (key) {
            case "zone" -> zone = parse(givenKey, value, ZoneId::of, "a zone id such as Asia/Shanghai");
            case "business-hours.open" -> opens = time(givenKey, value);
            case "business-hours.close" -> closes = time(givenKey, value);
            case "dispatch.next-day-by" -> nextDayBy = time(givenKey, value);
            case "sign-window" -> signWindow = duration(givenKey, value);
            case "return-window" -> returnWindow = duration(givenKey, value);
            case "callback-window-days" -> callbackWindowDays = count(givenKey, value, 1);
            case "returns-before-joint-review" -> returnsBeforeJointReview = count(givenKey, value, 1);
            case "reminder.lead-days" -> reminderLeadDays = count(givenKey, value, 0);
            case "reminder.consultation-lead" -> consultationReminderLead = duration(givenKey, value);
            case "escalation.interval-days" -> escalationIntervalDays = count(givenKey, value, 1);
            case "escalation.levels" -> escalationLevels = count(givenKey, value, 1);
            case "provincial.factor" -> provincialFactor = parse(givenKey, value, Double::parseDouble, "a factor such as 0.5");
            case "on-site.after-reopens" -> onSiteAfterReopens = count(givenKey, value, 1);
            case "dispatch.urgent-within" -> urgentDispatchWithin = duration(givenKey, value);
            default -> setPerCategory(givenKey, key, value);
        }
    }

    private void setPerCategory(String givenKey, String key, String value) {
        int dot = key.indexOf('.');
        String setting = dot < 0 ? key : key.substring(0, dot + 1);
        Optional<Category> category = dot < 0 ? Optional.empty() : Category.fromCode(key.substring(dot + 1));
        if (!CATEGORY_KEYS.contains(setting) || category.isEmpty()) {
            throw new IllegalArgumentException("unknown policy key '" + givenKey + "'; known keys: "
                    + String.join(", ", PLAIN_KEYS) + ", and reply-days., max-days., extension-days., "
                    + "max-extensions. followed by one of: " + allowedCategories());
        }
        Category c = category.get();
        switch (setting) {
            case "reply-days." -> replyDays.put(c, count(givenKey, value, 1));
            case "max-days." -> maxDays.put(c, count(givenKey, value, 1));
            case "extension-days." -> extensionDays.put(c, count(givenKey, value, 1));
            default -> maxExtensions.put(c, count(givenKey, value, 0));
        }
    }

    private static LocalTime time(String key, String value) {
        return parse(key, value, LocalTime::parse, "a time of day such as 17:30");
    }

    private static Duration duration(String key, String value) {
        Duration d = parse(key, value, Duration::parse, "an ISO-8601 duration such as PT2H");
        if (d.isNegative() || d.isZero()) {
            throw bad(key, value, "a positive duration");
        }
        return d;
    }

    private static int count(String key, String value, int least) {
        int n = parse(key, value, Integer::parseInt, "a whole number");
        if (n < least) {
            throw bad(key, value, "a whole number of at least " + least);
        }
        return n;
    }

    private static <T> T parse(String key, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (DateTimeException | NumberFormatException e) {
            throw bad(key, value, expected);
        }
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException("policy key '" + key + "' has a bad value '" + value
                + "': expected " + expected);
    }

    private static String allowedCategories() {
        return String.join(", ", Arrays.stream(Category.values()).map(Category::code).toList());
    }

    private static Map<Category, Integer> copy(Map<Category, Integer> map) {
        Map<Category, Integer> copy = new EnumMap<>(Category.class);
        copy.putAll(map);
        return copy;
    }
}
