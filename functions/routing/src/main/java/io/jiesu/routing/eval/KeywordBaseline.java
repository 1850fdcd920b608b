package io.jiesu.routing.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.Matter;
import io.jiesu.core.catalogue.RoutingCatalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Today's rule as a yardstick: a catalogue grown from a three-level classification (rows level1, level2, level3;
 * each first level a unit, each second level a matter of it whose keywords are its own name and its third-level
 * names, split at 和/与/及/、 and without the catch-all 其他), routed by {@link RoutingCatalogue}'s keyword rule.
 */
public final class KeywordBaseline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeywordBaseline() {
    }

    public static RoutingCatalogue fromTaxonomy(byte[] taxonomyJson) {
        JsonNode rows;
        try {
            rows = JSON.readTree(taxonomyJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> keywordsByMatter = new LinkedHashMap<>();
        Map<String, String> unitOfMatter = new LinkedHashMap<>();
        Set<String> units = new LinkedHashSet<>();
        for (JsonNode r : rows) {
            String l1 = r.path("level1").asText();
            String l2 = r.path("level2").asText();
            String l3 = r.path("level3").asText();
            units.add(l1);
            String matter = l1 + "/" + l2;
            unitOfMatter.put(matter, l1);
            Set<String> words = keywordsByMatter.computeIfAbsent(matter, m -> new LinkedHashSet<>());
            words.addAll(words(l2));
            words.addAll(words(l3));
        }
        List<Matter> matters = new ArrayList<>();
        keywordsByMatter.forEach((code, words) -> matters.add(
                new Matter(code, code, unitOfMatter.get(code), unitOfMatter.get(code), List.of(), List.copyOf(words))));
        return new RoutingCatalogue(units.stream().map(u -> new HandlingUnit(u, u)).toList(), matters);
    }

    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String part : name.split("[和与及、/，,()（）]")) {
            String p = part.strip();
            if (p.length() >= 2 && !p.equals("其他")) {
                out.add(p);
            }
        }
        return out;
    }
}
