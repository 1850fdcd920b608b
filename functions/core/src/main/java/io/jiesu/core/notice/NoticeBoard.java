package io.jiesu.core.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The notices on the agent's desk, and the notice a new ticket is about. Built from the published notices not yet
 * ended (the store reads them from one index partition, by end time).
 */
public final class NoticeBoard {
    /** How far ahead the desk shows notices not yet started: tomorrow's cut is what callers ask about today. */
    public static final Duration DEFAULT_AHEAD = Duration.ofHours(24);

    private final List<Notice> notices;

    public NoticeBoard(Collection<Notice> notices) {
        this.notices = notices.stream().filter(n -> n.status() == NoticeStatus.PUBLISHED).toList();
    }

    /** One notice on the desk, and whether it covers the caller's place. */
    public record Shown(Notice notice, boolean matches, boolean upcoming) {
    }

    /**
     * The notices in force now and those starting within {@code ahead}, for a caller at {@code place}: those that
     * cover the caller first (narrowest area first, then by start), then the rest of the district's, by start.
     */
    public List<Shown> forCaller(CallerPlace place, Instant now, Duration ahead) {
        Instant horizon = now.plus(ahead);
        return notices.stream()
                .filter(n -> n.inForceAt(now) || (n.upcomingAt(now) && !n.from().isAfter(horizon)))
                .map(n -> new Ranked(n, n.coverage(place)))
                .sorted(Comparator.comparing((Ranked r) -> r.coverage == 0)
                        .thenComparing(r -> -r.coverage)
                        .thenComparing(r -> r.notice.from())
                        .thenComparing(r -> r.notice.id()))
                .map(r -> new Shown(r.notice, r.coverage > 0, r.notice.upcomingAt(now)))
                .toList();
    }

    /**
     * The notice a ticket taken in at {@code at} is about, if any: in force then, covering the ticket's place, and
     * the ticket speaks of it (its kind's words or its own keywords), so that a noise complaint from a street with a
     * water cut does not swell the cut's count. The category does not decide: a cut brings consultations (when
     * does the water come back), help requests (an old man needs water carried up) and complaints alike. A notice
     * not yet started links nothing: a call before the cut is not about it. Of several, the narrowest area wins,
     * then the latest start (the newer news), then the id.
     */
    public Optional<Notice> linkFor(String location, String content, Instant at) {
        CallerPlace place = CallerPlace.ofTicket(location, content);
        String words = (location == null ? "" : location) + " " + (content == null ? "" : content);
        return notices.stream()
                .filter(n -> n.inForceAt(at) && n.speaksOf(words))
                .map(n -> new Ranked(n, n.coverage(place)))
                .filter(r -> r.coverage > 0)
                .max(Comparator.comparingInt((Ranked r) -> r.coverage)
                        .thenComparing(r -> r.notice.from())
                        .thenComparing(r -> r.notice.id(), Comparator.reverseOrder()))
                .map(r -> r.notice);
    }

    private record Ranked(Notice notice, int coverage) {
    }
}
