package io.jiesu.core.notice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a notice (公告) tells of: the temporary cuts and closures of daily life that are published in advance
 * (docs/domain.md, "Knowledge base and notices"). Each kind has the words callers use when they call about it,
 * so that a call about the water cut is linked to it and a noise complaint from the same street is not.
 */
public enum NoticeKind {
    WATER("water", "停水", List.of("停水", "没水", "断水", "水压", "自来水", "供水", "来水")),
    POWER("power", "停电", List.of("停电", "没电", "断电", "供电", "来电", "跳闸")),
    HEATING("heating", "停暖", List.of("暖气", "供暖", "停暖", "供热", "不热", "采暖")),
    GAS("gas", "停气", List.of("燃气", "天然气", "煤气", "停气", "没气", "供气")),
    ROAD_CLOSURE("road_closure", "道路封闭", List.of("封路", "封闭", "绕行", "管制", "断路", "不让走", "过不去")),
    /** Anything else (a lift out of service, a market closed): linked only by the notice's own keywords. */
    OTHER("other", "其他", List.of());

    private final String code;
    private final String label;
    private final List<String> words;

    NoticeKind(String code, String label, List<String> words) {
        this.code = code;
        this.label = label;
        this.words = words;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The Chinese name agents and citizens see. */
    public String label() {
        return label;
    }

    /** What callers say when they call about a notice of this kind. */
    public List<String> words() {
        return words;
    }

    public static Optional<NoticeKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** For JSON: an unknown code is a client error, so say which codes exist. */
    @JsonCreator
    public static NoticeKind ofCode(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown notice kind '" + code
                + "'; allowed: " + Arrays.stream(values()).map(NoticeKind::code).collect(Collectors.joining(", "))));
    }

    /** From the wire code (as in ?kind=water); JAX-RS uses this for query parameters. */
    public static NoticeKind fromString(String code) {
        return ofCode(code);
    }
}
