package io.jiesu.aws.digest;

import io.jiesu.aws.rates.RateReports;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.digest.Digest;
import io.jiesu.core.digest.DigestKind;
import io.jiesu.core.digest.DigestMail;
import io.jiesu.core.catalogue.HandlingUnit;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A digest schedule fired (or someone asked for a digest now): put the digest together and mail it, whole to
 * the supervisors and to each unit head their own unit's part, each recipient once however often the message
 * is delivered. The daily list goes out on working days only (make-up working days included), and not at all
 * when its firing is more than {@link #STALE_DAILY} old: a list of what was overdue yesterday misleads.
 */
public class DigestHandler {
    static final Duration STALE_DAILY = Duration.ofHours(12);
    private static final Logger LOG = Logger.getLogger(DigestHandler.class);

    /** What a delivery did: mails sent now, and mails found sent by an earlier delivery. */
    public record Outcome(DigestKind kind, LocalDate day, int sent, int alreadySent, String skipped) {
    }

    private final Digests digests;
    private final RateReports reports;
    private final DigestLog log;
    private final MailTransport mail;
    private final Supplier<WorkCalendar> calendar;
    private final List<String> supervisors;
    private final ZoneId zone;
    private final Clock clock;

    public DigestHandler(Digests digests, RateReports reports, DigestLog log, MailTransport mail,
                         Supplier<WorkCalendar> calendar, List<String> supervisors, ZoneId zone, Clock clock) {
        this.digests = digests;
        this.reports = reports;
        this.log = log;
        this.mail = mail;
        this.calendar = calendar;
        this.supervisors = List.copyOf(supervisors);
        this.zone = zone;
        this.clock = clock;
    }

    public Outcome handle(DigestMessage m) {
        DigestKind kind;
        try {
            kind = DigestKind.of(m.kind());
        } catch (IllegalArgumentException e) {
            // a malformed schedule input cannot get better by retrying: say so and drop it
            LOG.errorf("digest message ignored: %s", e.getMessage());
            return new Outcome(null, null, 0, 0, e.getMessage());
        }
        Instant now = clock.instant();
        Instant scheduled = instant(m.byHand() ? m.requestedAt() : m.scheduledTime());
        if (scheduled == null) {
            // without the occurrence a redelivery could not be told from a new digest: drop it, loudly
            LOG.errorf("%s digest message without a readable scheduledTime or requestedAt ignored", kind.code());
            return new Outcome(kind, null, 0, 0, "no readable scheduledTime or requestedAt");
        }
        LocalDate day = scheduled.atZone(zone).toLocalDate();
        if (!m.byHand() && kind == DigestKind.DAILY && !calendar.get().isWorkingDay(day)) {
            return skipped(kind, day, "not a working day");
        }
        if (!m.byHand() && kind == DigestKind.DAILY && scheduled.plus(STALE_DAILY).isBefore(now)) {
            return skipped(kind, day, "fired at " + scheduled + ", too long ago for a daily list");
        }
        List<HandlingUnit> units = reports.units();
        Digest whole = digests.build(kind, day, now, units);
        DigestMail writer = new DigestMail(zone);
        List<Recipient> recipients = new ArrayList<>();
        supervisors.forEach(s -> recipients.add(new Recipient(s, "all", whole)));
        for (HandlingUnit u : units) {
            String head = u.headEmail();
            Digest part = whole.forUnit(u.id());
            // a unit head hears of every weekly and monthly result, and daily only when something is late or due
            if (head != null && (kind != DigestKind.DAILY || !part.overdue().isEmpty() || !part.articles().isEmpty())) {
                recipients.add(new Recipient(head, u.id(), part));
            }
        }
        String run = kind.code() + (m.byHand() ? "#by-hand#" : "#") + scheduled;
        int sent = 0;
        int already = 0;
        int waiting = 0;
        int failed = 0;
        for (Recipient r : recipients) {
            // one claim per address and part: a head of two units gets both parts
            String to = r.address + "#" + r.part;
            switch (log.claim(run, to, clock.instant())) {
                case ALREADY_SENT -> already++;
                case IN_PROGRESS -> waiting++;
                case SEND -> {
                    try {
                        mail.send(r.address, writer.render(r.digest));
                    } catch (RuntimeException e) {
                        // give the claim back so the retry sends it; the others still go out now
                        log.release(run, to);
                        LOG.warnf("%s digest of %s not sent to the %s recipient: %s", kind.code(), day,
                                r.part.equals("all") ? "supervisor" : r.part + " head", e.getClass().getSimpleName());
                        failed++;
                        continue;
                    }
                    markSent(run, to);
                    sent++;
                }
            }
        }
        LOG.infof("%s digest for %s: %d mails sent, %d sent before, %d being sent by another delivery, %d failed",
                kind.code(), day, sent, already, waiting, failed);
        if (waiting > 0 || failed > 0) {
            throw new IllegalStateException("the " + kind.code() + " digest of " + day + " has " + failed
                    + " mails that failed and " + waiting + " being sent by another delivery; retry for those");
        }
        return new Outcome(kind, day, sent, already, null);
    }

    /** Sent, so a redelivery skips it; if even that cannot be written, the lease still holds a retry off for a while. */
    private void markSent(String run, String to) {
        for (int attempt = 1; ; attempt++) {
            try {
                log.sent(run, to, clock.instant());
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    LOG.errorf("a digest mail went out but could not be marked sent (%s); a redelivery after %s may repeat it",
                            e.getClass().getSimpleName(), DigestLog.LEASE);
                    return;
                }
            }
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Outcome skipped(DigestKind kind, LocalDate day, String why) {
        LOG.infof("%s digest for %s not sent: %s", kind.code(), day, why);
        return new Outcome(kind, day, 0, 0, why);
    }

    private record Recipient(String address, String part, Digest digest) {
    }
}
