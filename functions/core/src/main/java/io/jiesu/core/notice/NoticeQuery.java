package io.jiesu.core.notice;

import java.time.Instant;

/**
 * Which notices a list shows: of a status (ended included) and kind, in force at some time within [from, to) —
 * a day, say — and the drafts the reader may see: all (the centre), one unit's (its staff), or none (agents).
 * Any part may be null: no filter.
 */
public record NoticeQuery(NoticeStatus status, NoticeKind kind, Instant from, Instant to, Drafts drafts) {

    /** The drafts a reader sees in a list. */
    public record Drafts(boolean all, String unit) {
        public static final Drafts ALL = new Drafts(true, null);
        public static final Drafts NONE = new Drafts(false, null);

        public static Drafts of(String unit) {
            return new Drafts(false, unit);
        }
    }

    public NoticeQuery {
        drafts = drafts == null ? Drafts.NONE : drafts;
    }
}
