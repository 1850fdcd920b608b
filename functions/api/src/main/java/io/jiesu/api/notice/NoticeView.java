package io.jiesu.api.notice;

import io.jiesu.core.notice.Notice;
import io.jiesu.core.notice.NoticeArea;
import io.jiesu.core.notice.NoticeKind;
import io.jiesu.core.notice.NoticeStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A notice as staff see it: times with the deployment's offset, the status as the clock makes it. */
public record NoticeView(
        String id, long version, NoticeKind kind, String title, String text, List<AreaView> areas, List<String> keywords,
        OffsetDateTime from, OffsetDateTime to,
        @Schema(description = "the unit that publishes it") String unit,
        @Schema(description = "draft, published, withdrawn, or ended (published and its end has passed)") NoticeStatus status,
        @Schema(description = "published and not yet started") boolean upcoming,
        @Schema(description = "published and in force now") boolean inForce,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime publishedAt, String publishedBy,
        OffsetDateTime withdrawnAt, String withdrawnBy, String withdrawReason,
        @Schema(description = "how many tickets were linked to it at intake; given when one notice is read or changed, null in lists")
        Long linkedTickets) {

    public record AreaView(
            @Schema(description = "the id of the street office in the catalogue") String street,
            @Schema(description = "the street office's name in the catalogue") String streetName,
            String community, String place) {
        static AreaView of(NoticeArea a) {
            return new AreaView(a.street(), a.streetName(), a.community(), a.place());
        }
    }

    static NoticeView of(Notice n, Instant now, ZoneId zone, Long linkedTickets) {
        return new NoticeView(n.id(), n.version(), n.kind(), n.title(), n.text(), n.areas().stream().map(AreaView::of).toList(),
                n.keywords(), at(n.from(), zone), at(n.to(), zone), n.unit(), n.statusAt(now), n.upcomingAt(now),
                n.inForceAt(now), at(n.createdAt(), zone), n.createdBy(), at(n.publishedAt(), zone), n.publishedBy(),
                at(n.withdrawnAt(), zone), n.withdrawnBy(), n.withdrawReason(), linkedTickets);
    }

    static OffsetDateTime at(Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }

    /** One notice on the agent's desk: whether it covers the caller's place, and the notice. */
    public record DeskNotice(
            @Schema(description = "it covers the caller's street, community or the place in their words") boolean matches,
            @Schema(description = "published and not yet started") boolean upcoming,
            NoticeView notice) {
    }

    /** A notice as citizens read it: what, where, when and who; nothing of its making. */
    public record PublicNotice(String id, NoticeKind kind, String title, String text, List<AreaView> areas,
                               OffsetDateTime from, OffsetDateTime to,
                               @Schema(description = "the publishing unit's name in the catalogue") String unitName,
                               boolean matches, boolean upcoming) {
    }
}
