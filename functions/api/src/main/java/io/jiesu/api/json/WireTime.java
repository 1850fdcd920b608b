package io.jiesu.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.jiesu.core.policy.Policy;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Every instant the API writes is in the deployment's zone (Asia/Shanghai by default) with its offset, whatever
 * type carries it: a ticket, its history, an inbox line or a report all read {@code 2026-03-11T17:30:00+08:00}.
 * Deadlines are computed in that zone, so a screen shows them as the rules state them.
 */
@Singleton
public class WireTime implements ObjectMapperCustomizer {
    @Inject
    Policy policy;

    /** Applied last, so these serializers win over the java.time module Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        ZoneId zone = policy.zone();
        SimpleModule module = new SimpleModule("jiesu-wire-time");
        module.addSerializer(Instant.class, new InZone<>(Instant.class, zone, Function.identity()));
        module.addSerializer(OffsetDateTime.class, new InZone<>(OffsetDateTime.class, zone, OffsetDateTime::toInstant));
        module.addSerializer(ZonedDateTime.class, new InZone<>(ZonedDateTime.class, zone, ZonedDateTime::toInstant));
        mapper.registerModule(module);
    }

    static final class InZone<T> extends StdSerializer<T> {
        private final ZoneId zone;
        private final Function<T, Instant> instant;

        InZone(Class<T> type, ZoneId zone, Function<T, Instant> instant) {
            super(type);
            this.zone = zone;
            this.instant = instant;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.apply(value).atZone(zone)));
        }
    }
}
