package io.jiesu.core.policy;

import io.jiesu.core.ticket.Category;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Every number the hotline's deadlines depend on. The defaults are the national ones; law, a
 * higher authority or a deployment may set others, so all of them can be overridden.
 *
 * <p>A deployment sets them as the properties {@code jiesu.policy.<key>}; {@link #overrides} changes them in code:
 * <table>
 * <caption>policy keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code zone}</td><td>Asia/Shanghai</td><td>time zone deadlines are counted in</td></tr>
 * <tr><td>{@code business-hours.open}</td><td>09:00</td><td>start of working hours</td></tr>
 * <tr><td>{@code business-hours.close}</td><td>17:30</td><td>close of business, where periods in days end</td></tr>
 * <tr><td>{@code dispatch.next-day-by}</td><td>10:00</td><td>out-of-hours tickets are dispatched by this time of the next working day</td></tr>
 * <tr><td>{@code sign-window}</td><td>PT2H</td><td>sign (签收) within, clock hours (ISO-8601 duration)</td></tr>
 * <tr><td>{@code return-window}</td><td>PT24H</td><td>return (退回) within, after signing, clock hours</td></tr>
 * <tr><td>{@code reply-days.<category>}</td><td>consultation 1, help_request 3, suggestion 3,
 *     complaint 15, report 15</td><td>working days to reply</td></tr>
 * <tr><td>{@code max-days.<category>}</td><td>consultation 3, help_request 5, suggestion 5</td>
 *     <td>most working days in all after extension</td></tr>
 * <tr><td>{@code extension-days.<category>}</td><td>complaint 10, report 10</td><td>working days one extension adds</td></tr>
 * <tr><td>{@code max-extensions.<category>}</td><td>complaint 2, report 2</td><td>extensions allowed</td></tr>
 * <tr><td>{@code callback-window-days}</td><td>3</td><td>working days after the reply in which the centre calls back (回访)</td></tr>
 * <tr><td>{@code returns-before-joint-review}</td><td>2</td><td>returns after which a ticket goes to joint review (联席研判) instead of rerouting</td></tr>
 * <tr><td>{@code reminder.lead-days}</td><td>1</td><td>the unit is reminded this many working days before its reply is due</td></tr>
 * <tr><td>{@code reminder.consultation-lead}</td><td>PT3H</td><td>for a consultation (due in a day), the reminder comes this many working hours before</td></tr>
 * <tr><td>{@code escalation.interval-days}</td><td>2</td><td>working days between the steps of the escalation ladder once a reply is overdue</td></tr>
 * <tr><td>{@code escalation.levels}</td><td>3</td><td>steps of the ladder: system notice, official-document supervision, leader in charge</td></tr>
 * <tr><td>{@code provincial.factor}</td><td>1.0</td><td>provincial tickets' reply days are multiplied by this (one city halves them: 0.5), rounded up</td></tr>
 * <tr><td>{@code on-site.after-reopens}</td><td>2</td><td>a ticket reopened this many times needs a face-to-face visit before its reply (三个见面), as provincial ones do</td></tr>
 * <tr><td>{@code dispatch.urgent-within}</td><td>PT30M</td><td>complaints and reports go out "at once": this long after intake they are overdue for dispatch</td></tr>
 * </table>
 * {@code <category>} is a {@link Category#code()}. A category's most days after extension is its
 * {@code max-days} when set, otherwise reply days + extension days × max extensions.
 */
public record Policy(
        ZoneId zone,
        LocalTime businessOpens,
        LocalTime closeOfBusiness,
        LocalTime dispatchNextDayBy,
        Duration signWindow,
        Duration returnWindow,
        Map<Category, Integer> replyDays,
        Map<Category, Integer> maxDays,
        Map<Category, Integer> extensionDays,
        Map<Category, Integer> maxExtensions,
        int callbackWindowDays,
        int returnsBeforeJointReview,
        Supervision supervision) {

    /** The numbers supervision (督办) works by: reminders, the escalation ladder, harder tickets. */
    public record Supervision(int reminderLeadDays, Duration consultationReminderLead, int escalationIntervalDays,
                              int escalationLevels, double provincialFactor, int onSiteAfterReopens,
                              Duration urgentDispatchWithin) {
        public Supervision {
            if (provincialFactor <= 0 || provincialFactor > 1) {
                throw new IllegalArgumentException("provincial.factor must be above 0 and at most 1, was " + provincialFactor);
            }
        }

        public static Supervision defaults() {
            return new Supervision(1, Duration.ofHours(3), 2, 3, 1.0, 2, Duration.ofMinutes(30));
        }
    }

    public static final String PREFIX = "jiesu.policy.";

    public Policy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(businessOpens, "businessOpens");
        Objects.requireNonNull(closeOfBusiness, "closeOfBusiness");
        Objects.requireNonNull(dispatchNextDayBy, "dispatchNextDayBy");
        Objects.requireNonNull(signWindow, "signWindow");
        Objects.requireNonNull(returnWindow, "returnWindow");
        Objects.requireNonNull(supervision, "supervision");
        replyDays = frozen(replyDays);
        maxDays = frozen(maxDays);
        extensionDays = frozen(extensionDays);
        maxExtensions = frozen(maxExtensions);
        if (!businessOpens.isBefore(closeOfBusiness)) {
            throw new IllegalArgumentException("business-hours.open (" + businessOpens
                    + ") must be before business-hours.close (" + closeOfBusiness + ")");
        }
        for (Category c : Category.values()) {
            if (!replyDays.containsKey(c)) {
                throw new IllegalArgumentException("reply-days." + c.code() + " is not set");
            }
            boolean byExtensions = extensionDays.containsKey(c) && maxExtensions.containsKey(c);
            if (!maxDays.containsKey(c) && !byExtensions) {
                throw new IllegalArgumentException("set max-days." + c.code() + ", or extension-days."
                        + c.code() + " and max-extensions." + c.code());
            }
            if (maxDays.containsKey(c) && maxDays.get(c) < replyDays.get(c)) {
                throw new IllegalArgumentException("max-days." + c.code() + " (" + maxDays.get(c)
                        + ") is less than reply-days." + c.code() + " (" + replyDays.get(c) + ")");
            }
        }
    }

    public static Policy defaults() {
        Map<Category, Integer> reply = new EnumMap<>(Category.class);
        reply.put(Category.CONSULTATION, 1);
        reply.put(Category.HELP_REQUEST, 3);
        reply.put(Category.SUGGESTION, 3);
        reply.put(Category.COMPLAINT, 15);
        reply.put(Category.REPORT, 15);
        Map<Category, Integer> max = new EnumMap<>(Category.class);
        max.put(Category.CONSULTATION, 3);
        max.put(Category.HELP_REQUEST, 5);
        max.put(Category.SUGGESTION, 5);
        Map<Category, Integer> extension = new EnumMap<>(Category.class);
        extension.put(Category.COMPLAINT, 10);
        extension.put(Category.REPORT, 10);
        Map<Category, Integer> extensions = new EnumMap<>(Category.class);
        extensions.put(Category.COMPLAINT, 2);
        extensions.put(Category.REPORT, 2);
        return new Policy(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(17, 30),
                LocalTime.of(10, 0), Duration.ofHours(2), Duration.ofHours(24),
                reply, max, extension, extensions, 3, 2, Supervision.defaults());
    }

    /**
     * This policy with some numbers changed: {@code policy.overrides().signWindow(PT4H).apply()}. Bad values are
     * refused with an {@link IllegalArgumentException} naming the key.
     */
    public PolicyOverrides overrides() {
        return new PolicyOverrides(this);
    }

    public int replyDays(Category c) {
        return replyDays.get(c);
    }

    /** Most working days in all, after every allowed extension. */
    public int maxDays(Category c) {
        Integer max = maxDays.get(c);
        return max != null ? max : replyDays(c) + extensionDays.get(c) * maxExtensions.get(c);
    }

    /** Working days one extension adds, where the category is extended in fixed steps. */
    public OptionalInt extensionDays(Category c) {
        Integer days = extensionDays.get(c);
        return days == null ? OptionalInt.empty() : OptionalInt.of(days);
    }

    /** How many extensions are allowed, where the category is extended in fixed steps. */
    public OptionalInt maxExtensions(Category c) {
        Integer n = maxExtensions.get(c);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private static Map<Category, Integer> frozen(Map<Category, Integer> map) {
        Objects.requireNonNull(map, "per-category map");
        return Collections.unmodifiableMap(map.isEmpty() ? new EnumMap<>(Category.class) : new EnumMap<>(map));
    }
}
