package io.jiesu.core.province;

import io.jiesu.core.ticket.Category;

import java.util.Map;
import java.util.Optional;

/** How a provincial platform's request types map onto ours (documented in docs/province/ticket.schema.json). */
public final class ProvinceCategories {
    private static final Map<String, Category> CODES = Map.ofEntries(
            Map.entry("咨询", Category.CONSULTATION), Map.entry("consultation", Category.CONSULTATION),
            Map.entry("求助", Category.HELP_REQUEST), Map.entry("help", Category.HELP_REQUEST),
            Map.entry("意见建议", Category.SUGGESTION), Map.entry("建议", Category.SUGGESTION), Map.entry("suggestion", Category.SUGGESTION),
            Map.entry("投诉", Category.COMPLAINT), Map.entry("complaint", Category.COMPLAINT),
            Map.entry("举报", Category.REPORT), Map.entry("report", Category.REPORT));

    private ProvinceCategories() {
    }

    public static Optional<Category> of(String provinceCode) {
        return Optional.ofNullable(provinceCode == null ? null : CODES.get(provinceCode.trim()));
    }

    public static java.util.Set<String> codes() {
        return CODES.keySet();
    }
}
