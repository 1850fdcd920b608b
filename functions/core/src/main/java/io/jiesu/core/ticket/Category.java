package io.jiesu.core.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A ticket's category (诉求类型); it sets the dispatch timing and the reply deadline. */
public enum Category {
    CONSULTATION("consultation", "咨询", false),
    HELP_REQUEST("help_request", "求助", false),
    SUGGESTION("suggestion", "意见建议", false),
    COMPLAINT("complaint", "投诉", true),
    REPORT("report", "举报", true);

    private final String code;
    private final String label;
    private final boolean urgent;

    Category(String code, String label, boolean urgent) {
        this.code = code;
        this.label = label;
        this.urgent = urgent;
    }

    /** The lower-case code used on the wire and in policy keys. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The Chinese name agents and citizens see. */
    public String label() {
        return label;
    }

    /** Complaints and reports are dispatched at once, not in the next working hours. */
    public boolean urgent() {
        return urgent;
    }

    public static Optional<Category> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** For JSON: an unknown code is a client error, so say which codes exist. */
    @JsonCreator
    public static Category ofCode(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown category '" + code + "'; allowed: " + allowedCodes()));
    }

    /** From the wire code (as in ?category=complaint); JAX-RS uses this for query parameters. */
    public static Category fromString(String code) {
        return ofCode(code);
    }

    static String allowedCodes() {
        return Arrays.stream(values()).map(Category::code).collect(Collectors.joining(", "));
    }
}
