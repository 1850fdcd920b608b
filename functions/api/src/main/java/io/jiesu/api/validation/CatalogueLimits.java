package io.jiesu.api.validation;

import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Limits on a routing catalogue sent to PUT /v1/catalogue (its records live in core, so their limits are
 * checked here, as it is read): every unit has an id like heating-company and a name, every matter a code, a
 * name and at most as many co-units as a dispatch may name; ids and codes are unique. A catalogue that breaks
 * one is refused with the field to fix (units[3].id) before it replaces the one in use.
 */
@Provider
public class CatalogueLimits implements ReaderInterceptor {
    static final int MAX_UNITS = 2000;
    static final int MAX_MATTERS = 5000;
    static final int MAX_CO_UNITS = 10;
    static final int MAX_KEYWORDS = 100;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity instanceof RoutingCatalogue catalogue) {
            check(catalogue);
        }
        return entity;
    }

    /** A plain address (local@domain.tld): the digests go to it as is, so nothing that could add a header. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    static void check(RoutingCatalogue c) {
        if (c.units().isEmpty()) {
            throw new BadInput("units", "must list at least one handling unit");
        }
        size("units", c.units(), MAX_UNITS);
        size("matters", c.matters(), MAX_MATTERS);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.units().size(); i++) {
            HandlingUnit u = c.units().get(i);
            String at = "units[" + i + "]";
            if (u == null) {
                throw new BadInput(at, "must be a unit object");
            }
            text(at + ".id", u.id(), 64, true);
            if (!ParamLimits.UNIT_ID.matcher(u.id()).matches()) {
                throw new BadInput(at + ".id", "must be lower-case letters, digits, - and _ (like heating-company)");
            }
            if (!ids.add(u.id())) {
                throw new BadInput(at + ".id", "'" + u.id() + "' is listed twice");
            }
            text(at + ".name", u.name(), 100, true);
            if (u.headEmail() != null) {
                text(at + ".headEmail", u.headEmail(), 254, false);
                if (!EMAIL.matcher(u.headEmail()).matches()) {
                    throw new BadInput(at + ".headEmail", "must be an e-mail address like head@unit.gov.cn");
                }
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < c.matters().size(); i++) {
            Matter m = c.matters().get(i);
            String at = "matters[" + i + "]";
            if (m == null) {
                throw new BadInput(at, "must be a matter object");
            }
            text(at + ".code", m.code(), 64, true);
            if (!codes.add(m.code())) {
                throw new BadInput(at + ".code", "'" + m.code() + "' is listed twice");
            }
            text(at + ".name", m.name(), 200, true);
            text(at + ".group", m.group(), 100, false);
            size(at + ".coUnits", m.coUnits(), MAX_CO_UNITS);
            size(at + ".keywords", m.keywords(), MAX_KEYWORDS);
            for (int k = 0; k < m.keywords().size(); k++) {
                text(at + ".keywords[" + k + "]", m.keywords().get(k), 50, true);
            }
        }
    }

    private static void size(String field, List<?> list, int max) {
        if (list.size() > max) {
            throw new BadInput(field, "may list at most " + max);
        }
    }

    private static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new BadInput(field, "must not be blank");
            }
            return;
        }
        if (value.length() > max) {
            throw new BadInput(field, "must be at most " + max + " characters");
        }
        String problem = PlainTextValidator.problem(value, false);
        if (problem != null) {
            throw new BadInput(field, problem);
        }
    }
}
