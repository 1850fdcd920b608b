package io.jiesu.core.catalogue;

import java.util.List;

/**
 * One line of the published catalogue of high-frequency matters (首接负责主协办清单): who leads, who helps,
 * and the words that recognise it in a citizen's own text.
 */
public record Matter(String code, String name, String group, String leadUnit, List<String> coUnits,
                     List<String> keywords) {
    public Matter {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
