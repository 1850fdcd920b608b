package io.jiesu.core.notice;

import java.time.Instant;
import java.util.List;

/**
 * A notice (公告) of a water, power, heating or gas cut, a road closure or the like, published in advance so that
 * agents see it before the calls come (docs/domain.md, "Knowledge base and notices"). Immutable: the rules in
 * {@link NoticeRules} return the next notice, one version on. {@code status} is what was decided (draft,
 * published, withdrawn); {@link #statusAt} adds what the clock says (ended).
 */
public record Notice(String id, long version, NoticeKind kind, String title, String text, List<NoticeArea> areas,
                     List<String> keywords, Instant from, Instant to, String unit, NoticeStatus status,
                     Instant createdAt, String createdBy, Instant publishedAt, String publishedBy,
                     Instant withdrawnAt, String withdrawnBy, String withdrawReason) {

    public Notice {
        areas = areas == null ? List.of() : List.copyOf(areas);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** The status as the clock makes it: a published notice whose end has passed has ended. */
    public NoticeStatus statusAt(Instant now) {
        return status == NoticeStatus.PUBLISHED && !now.isBefore(to) ? NoticeStatus.ENDED : status;
    }

    /** Published and in force now: from its start up to (not including) its end. */
    public boolean inForceAt(Instant now) {
        return status == NoticeStatus.PUBLISHED && !now.isBefore(from) && now.isBefore(to);
    }

    /** Published ahead of its start: agents see it, marked as upcoming. */
    public boolean upcomingAt(Instant now) {
        return status == NoticeStatus.PUBLISHED && now.isBefore(from);
    }

    /** The narrowest of its areas that covers the caller (0 when none does). */
    public int coverage(CallerPlace caller) {
        return areas.stream().filter(a -> a.covers(caller)).mapToInt(NoticeArea::narrowness).max().orElse(0);
    }

    public boolean covers(CallerPlace caller) {
        return coverage(caller) > 0;
    }

    /** Whether the words are about this notice: its kind's words, or its own keywords. */
    public boolean speaksOf(String words) {
        String w = CallerPlace.normal(words);
        return kind.words().stream().anyMatch(k -> w.contains(CallerPlace.normal(k)))
                || keywords.stream().anyMatch(k -> w.contains(CallerPlace.normal(k)));
    }

    NoticeBuilder toBuilder() {
        return new NoticeBuilder(this);
    }
}
