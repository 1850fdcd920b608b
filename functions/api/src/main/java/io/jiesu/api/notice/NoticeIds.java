package io.jiesu.api.notice;

import io.jiesu.aws.ticket.TicketIds;

import java.time.Instant;
import java.time.ZoneId;

/** Notice numbers an agent can read out: made as ticket numbers are (the day, eight unambiguous characters), with N for T. */
final class NoticeIds {
    private NoticeIds() {
    }

    static String next(Instant at, ZoneId zone) {
        return "N" + TicketIds.next(at, zone).substring(1);
    }
}
