package io.jiesu.localcloud.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reading and writing the members of the service's JSON requests and responses: a bad member is refused with a
 * ValidationException that names it.
 */
final class JsonMembers {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z_.-]{1,64}");
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final int DEFAULT_MAX_RESULTS = 100;

    private JsonMembers() {
    }

    static void requireName(String value, String member) {
        if (!NAME.matcher(value).matches()) {
            throw ApiException.validation(member + " '" + value + "' must be 1 to 64 characters of [0-9a-zA-Z-_.]");
        }
    }

    static String groupOrDefault(String group) {
        if (group == null) {
            return SchedulerServer.DEFAULT_GROUP;
        }
        requireName(group, "GroupName");
        return group;
    }

    static String clientToken(ObjectNode body) {
        String token = optionalText(body, "ClientToken");
        if (token != null && !CLIENT_TOKEN.matcher(token).matches()) {
            throw ApiException.validation("ClientToken must be 1 to 64 characters of [a-zA-Z0-9-_]");
        }
        return token;
    }

    static int maxResults(String text) {
        if (text == null) {
            return DEFAULT_MAX_RESULTS;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.validation("MaxResults must be between 1 and 100, was " + text);
    }

    static String encodeToken(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("Invalid NextToken");
        }
    }

    /** The request body as a JSON object; an empty body is an empty object. */
    static ObjectNode object(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiException.validation("The request body is not valid JSON: " + e.getMessage());
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw ApiException.validation("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static String optionalText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation(field + " must be a string");
        }
        return value.asText();
    }

    static String requiredText(ObjectNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isEmpty()) {
            throw ApiException.validation(field + " is required");
        }
        return value;
    }

    static String enumText(ObjectNode node, String field, String absent, String... allowed) {
        String value = optionalText(node, field);
        if (value == null) {
            return absent;
        }
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw ApiException.validation(field + " must be one of " + String.join(", ", allowed) + ", was " + value);
    }

    static Integer optionalInt(ObjectNode node, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min || value.intValue() > max) {
            throw ApiException.validation(field + " must be an integer from " + min + " to " + max + ", was " + value);
        }
        return value.intValue();
    }

    /** A timestamp member: epoch seconds (what the SDK sends in JSON bodies), or an ISO-8601 string. */
    static Instant optionalTime(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return epochSeconds(value.decimalValue());
            }
            if (value.isTextual()) {
                String text = value.asText();
                try {
                    return epochSeconds(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
                }
            }
        } catch (ArithmeticException | DateTimeException e) {
            // refused below
        }
        throw ApiException.validation(field + " is not a valid timestamp: " + value);
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR)
                .longValueExact());
    }

    /** Timestamps go out as epoch seconds with milliseconds, the JSON form the SDK reads. */
    static void putTime(ObjectNode node, String field, Instant instant) {
        node.put(field, BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }
}
