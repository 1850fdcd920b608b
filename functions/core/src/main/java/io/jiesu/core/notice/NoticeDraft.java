package io.jiesu.core.notice;

import java.time.Instant;
import java.util.List;

/**
 * What a notice says, as its writer gives it: the kind, title and text, the areas, from–to, the unit that
 * publishes it, and the extra words callers will use (a lift notice: 电梯). unit may be null when unit staff
 * write it: it is then their own unit.
 */
public record NoticeDraft(NoticeKind kind, String title, String text, List<NoticeArea> areas, List<String> keywords,
                          Instant from, Instant to, String unit) {
    public NoticeDraft {
        areas = areas == null ? List.of() : List.copyOf(areas);
        keywords = keywords == null ? List.of() : keywords.stream().filter(k -> k != null && !k.isBlank())
                .map(String::strip).distinct().toList();
    }
}
