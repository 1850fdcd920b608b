package io.jiesu.aws.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import org.eclipse.microprofile.config.spi.Converter;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A deployment's {@code jiesu.policy.*} properties, each changing one number of the national policy (the keys and
 * their defaults: {@link io.jiesu.core.policy.Policy}). Only what is set is changed; an unknown key stops the start.
 */
@ConfigMapping(prefix = "jiesu.policy")
public interface PolicyConfig {

    Optional<@WithConverter(Zone.class) ZoneId> zone();

    BusinessHours businessHours();

    Dispatch dispatch();

    Optional<@WithConverter(IsoDuration.class) Duration> signWindow();

    Optional<@WithConverter(IsoDuration.class) Duration> returnWindow();

    /** By category code, e.g. {@code jiesu.policy.reply-days.complaint}; so are the three below. */
    Map<String, Integer> replyDays();

    Map<String, Integer> maxDays();

    Map<String, Integer> extensionDays();

    Map<String, Integer> maxExtensions();

    OptionalInt callbackWindowDays();

    OptionalInt returnsBeforeJointReview();

    Reminder reminder();

    Escalation escalation();

    Provincial provincial();

    OnSite onSite();

    interface BusinessHours {
        Optional<@WithConverter(TimeOfDay.class) LocalTime> open();

        Optional<@WithConverter(TimeOfDay.class) LocalTime> close();
    }

    interface Dispatch {
        Optional<@WithConverter(TimeOfDay.class) LocalTime> nextDayBy();

        Optional<@WithConverter(IsoDuration.class) Duration> urgentWithin();
    }

    interface Reminder {
        OptionalInt leadDays();

        Optional<@WithConverter(IsoDuration.class) Duration> consultationLead();
    }

    interface Escalation {
        OptionalInt intervalDays();

        OptionalInt levels();
    }

    interface Provincial {
        OptionalDouble factor();
    }

    interface OnSite {
        OptionalInt afterReopens();
    }

    /** The values as the policy has always read them, and the same words when one is wrong. */
    final class IsoDuration implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(() -> Duration.parse(value.trim()), "an ISO-8601 duration such as PT2H");
        }
    }

    final class TimeOfDay implements Converter<LocalTime> {
        @Override
        public LocalTime convert(String value) {
            return parse(() -> LocalTime.parse(value.trim()), "a time of day such as 17:30");
        }
    }

    final class Zone implements Converter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            return parse(() -> ZoneId.of(value.trim()), "a zone id such as Asia/Shanghai");
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String expected) {
        try {
            return parser.get();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }
}
