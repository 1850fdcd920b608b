package io.jiesu.core.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The units and the catalogue of matters, and the rule that routes a ticket by them: the matter the channel
 * named, else the matter whose keywords the text hits most. A unit that returned the ticket is never its lead
 * again by this rule (nor a co-unit); when that leaves nothing, a dispatcher decides.
 */
public record RoutingCatalogue(List<HandlingUnit> units, List<Matter> matters) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RoutingCatalogue {
        units = units == null ? List.of() : List.copyOf(units);
        matters = matters == null ? List.of() : List.copyOf(matters);
        Set<String> ids = new java.util.HashSet<>();
        units.forEach(u -> ids.add(u.id()));
        for (Matter m : matters) {
            if (!ids.contains(m.leadUnit()) || !ids.containsAll(m.coUnits())) {
                throw new IllegalArgumentException("matter " + m.code() + " names a unit that is not in the unit list");
            }
        }
    }

    public static RoutingCatalogue parse(InputStream json) {
        try {
            return JSON.readValue(json, RoutingCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the routing catalogue could not be read: " + e.getMessage(), e);
        }
    }

    /** The small demo catalogue the local run loads. */
    public static RoutingCatalogue demo() {
        try (InputStream in = RoutingCatalogue.class.getResourceAsStream("/catalogue/demo.json")) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<HandlingUnit> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<Route> route(String matterCode, String content, Collection<String> excludedUnits) {
        Optional<Matter> named = matters.stream().filter(m -> m.code().equals(matterCode)).findFirst();
        Optional<Matter> chosen = named.isPresent() && !excludedUnits.contains(named.get().leadUnit())
                ? named
                : bestByKeywords(content, excludedUnits);
        return chosen.map(m -> new Route(m.code(), m.leadUnit(),
                m.coUnits().stream().filter(u -> !excludedUnits.contains(u)).toList()));
    }

    private Optional<Matter> bestByKeywords(String content, Collection<String> excludedUnits) {
        String text = content == null ? "" : content.toLowerCase(Locale.ROOT);
        return matters.stream()
                .filter(m -> !excludedUnits.contains(m.leadUnit()))
                .filter(m -> hits(m, text) > 0)
                // most hits wins; ties go to the earlier line of the catalogue, so routing is repeatable
                .max(Comparator.comparingLong((Matter m) -> hits(m, text))
                        .thenComparing(m -> -matters.indexOf(m)));
    }

    private static long hits(Matter m, String text) {
        return m.keywords().stream().filter(k -> text.contains(k.toLowerCase(Locale.ROOT))).count();
    }
}
