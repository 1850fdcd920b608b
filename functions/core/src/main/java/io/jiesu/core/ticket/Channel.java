package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a request reached the hotline. */
public enum Channel {
    PHONE, WEB, MOBILE, WECHAT, PROVINCE, LEADER_HOTLINE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel '" + code + "'; one of "
                        + Arrays.stream(values()).map(Channel::code).collect(Collectors.joining(", "))));
    }

    /** From the wire code (as in ?channel=phone); JAX-RS uses this for query parameters. */
    public static Channel fromString(String code) {
        return fromCode(code);
    }
}
