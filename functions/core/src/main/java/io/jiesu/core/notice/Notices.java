package io.jiesu.core.notice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notices, kept: each change stored only if the notice is still at the version it was computed from. Reads
 * are index queries, never a scan: the published notices not yet ended (the desk's and intake's), a filtered list
 * by end time a page at a time, and the count of tickets linked to a notice at intake.
 */
public interface Notices {

    /** Stores a new notice (version 1). */
    void create(Notice notice);

    /**
     * Stores the next version of a notice.
     *
     * @throws NoticeChangedException when the stored notice is no longer at {@code next.version() - 1}
     */
    void save(Notice next);

    Optional<Notice> find(String id);

    /** The published notices whose end is after {@code now}, in force or upcoming; withdrawn ones are not among them. */
    List<Notice> notEndedAt(Instant now);

    /** A page of notices as the query asks, the latest end first; {@code cursor} is the previous page's {@code next}. */
    Page list(NoticeQuery query, Instant now, String cursor, int limit);

    /** How many tickets were linked to the notice at intake. */
    long linkedTickets(String id);

    record Page(List<Notice> items, String next) {
    }

    /** Another change of the notice was stored first: read it again and decide anew. */
    class NoticeChangedException extends RuntimeException {
        public NoticeChangedException(String id) {
            super("notice " + id + " changed meanwhile; read it again", null, false, false);
        }
    }
}
