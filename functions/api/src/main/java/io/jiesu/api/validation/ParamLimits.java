package io.jiesu.api.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Limits on every path, query and header parameter of the matched endpoint, checked before the endpoint runs:
 * a value of the wrong type is a 400 naming the parameter ({@code ?limit=abc}, {@code ?state=lost},
 * {@code /calendar/abc}), not the 404 JAX-RS would answer; a ticket id, unit id, year or Idempotency-Key
 * must look like one; no parameter holds control characters or runs long.
 */
public class ParamLimits {
    /** Ticket ids as TicketIds makes them (T20261122-5A599USS); letters of either case so a mistyped id is a 404. */
    static final Pattern TICKET_ID = Pattern.compile("^T[0-9A-Za-z-]{1,40}$");
    /** Unit ids as the catalogue names them (heating-company); CatalogueLimits holds a new catalogue to the same. */
    public static final Pattern UNIT_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,128}$");
    /** The years the working calendar can hold: a year parameter, and the days of a report, stay inside them. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    /** Any other text parameter. */
    static final int MAX_TEXT = 256;

    private record Rule(Pattern pattern, String message) {
    }

    private static final Map<String, Rule> PATH_RULES = Map.of(
            "id", new Rule(TICKET_ID, "must be a ticket number like T20261122-5A599USS"),
            "unitId", new Rule(UNIT_ID, "must be a unit id like heating-company (lower-case letters, digits, - and _, at most 64)"));
    private static final Map<String, Rule> HEADER_RULES = Map.of(
            "Idempotency-Key", new Rule(IDEMPOTENCY_KEY, "must be 1 to 128 visible ASCII characters"));

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Parameter p : method.getParameters()) {
            PathParam path = p.getAnnotation(PathParam.class);
            QueryParam query = p.getAnnotation(QueryParam.class);
            HeaderParam header = p.getAnnotation(HeaderParam.class);
            if (path != null) {
                String value = request.getUriInfo().getPathParameters().getFirst(path.value());
                if (value != null) {
                    check(path.value(), value, p.getType(), PATH_RULES.get(path.value()));
                }
            } else if (query != null) {
                List<String> values = request.getUriInfo().getQueryParameters().get(query.value());
                if (values != null) {
                    for (String value : values) {
                        check(query.value(), value, p.getType(), null);
                    }
                }
            } else if (header != null) {
                String value = request.getHeaderString(header.value());
                if (value != null && !value.isBlank()) {
                    check(header.value(), value, p.getType(), HEADER_RULES.get(header.value()));
                }
            }
        }
    }

    private static void check(String name, String value, Class<?> type, Rule rule) {
        if (value.length() > MAX_TEXT) {
            throw new BadInput(name, "must be at most " + MAX_TEXT + " characters");
        }
        String text = PlainTextValidator.problem(value, false);
        if (text != null) {
            throw new BadInput(name, text);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            long n;
            try {
                n = type == long.class || type == Long.class ? Long.parseLong(value) : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new BadInput(name, "must be a whole number, not '" + value + "'");
            }
            if ("year".equals(name) && (n < MIN_YEAR || n > MAX_YEAR)) {
                throw new BadInput(name, "must be a year from " + MIN_YEAR + " to " + MAX_YEAR);
            }
        } else if (type == boolean.class || type == Boolean.class) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new BadInput(name, "must be true or false, not '" + value + "'");
            }
        } else if (type.isEnum()) {
            checkEnum(name, value, type);
        }
        if (rule != null && !rule.pattern().matcher(value).matches()) {
            throw new BadInput(name, rule.message());
        }
    }

    /** An enum parameter: as JAX-RS converts it (fromString, else valueOf), listing the codes that exist. */
    private static void checkEnum(String name, String value, Class<?> type) {
        Function<String, Object> convert;
        try {
            Method fromString = type.getMethod("fromString", String.class);
            convert = v -> invoke(fromString, v);
        } catch (NoSuchMethodException e) {
            try {
                Method valueOf = type.getMethod("valueOf", String.class);
                convert = v -> invoke(valueOf, v);
            } catch (NoSuchMethodException unreachable) {
                return;
            }
        }
        try {
            if (convert.apply(value) != null) {
                return;
            }
        } catch (RuntimeException e) {
            // fall through: not one of the codes
        }
        throw new BadInput(name, "must be one of " + codes(type) + ", not '" + value + "'");
    }

    private static Object invoke(Method m, String value) {
        try {
            return m.invoke(null, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The codes of an enum as the wire shows them (its @JsonValue), else its lower-case names. */
    public static String codes(Class<?> type) {
        Method code = Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(JsonValue.class)
                && m.getParameterCount() == 0).findFirst().orElse(null);
        return Arrays.stream(type.getEnumConstants()).map(c -> {
            try {
                return code != null ? String.valueOf(code.invoke(c)) : ((Enum<?>) c).name().toLowerCase(Locale.ROOT);
            } catch (ReflectiveOperationException e) {
                return ((Enum<?>) c).name().toLowerCase(Locale.ROOT);
            }
        }).collect(Collectors.joining(", "));
    }
}
