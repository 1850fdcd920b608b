package io.jiesu.core.deadline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Tests read and write times as a Shanghai wall clock shows them. */
final class ShanghaiTime {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ShanghaiTime() {
    }

    /** "2026-02-12T10:00" in Shanghai. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** As "2026-03-11T17:30+08:00"; seconds show only when not zero, so minutes are compared exactly. */
    static String show(Instant instant) {
        return instant.atZone(SHANGHAI).toOffsetDateTime().toString();
    }
}
