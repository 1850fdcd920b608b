package io.jiesu.aws.digest;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.rates.RateReports;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.digest.DigestMail;
import io.jiesu.core.catalogue.HandlingUnit;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.localcloud.scheduler.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Digest deliveries against DynamoDB Local: each recipient once, on the right days, nothing lost on a failed send. */
class DigestHandlerTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SUPERVISOR = "supervisor@city.gov.cn";
    private static final int UNITS_WITH_HEADS = (int) RoutingCatalogue.demo().units().stream().filter(u -> u.headEmail() != null).count();

    /** Our own port, recording what would have been mailed; failsFor makes the next send to that address fail. */
    static final class RecordingTransport implements MailTransport {
        final List<String> sentTo = Collections.synchronizedList(new ArrayList<>());
        final List<DigestMail.Content> contents = Collections.synchronizedList(new ArrayList<>());
        volatile String failsFor;

        @Override
        public void send(String to, DigestMail.Content content) {
            if (to.equals(failsFor)) {
                failsFor = null;
                throw new IllegalStateException("SMTP down");
            }
            sentTo.add(to);
            contents.add(content);
        }
    }

    private MovableClock clock;
    private RecordingTransport mail;
    private DigestHandler handler;

    @BeforeEach
    void fresh() {
        clock = new MovableClock(Instant.parse("2026-03-30T00:00:05Z"));
        String table = Emulators.newTable();
        new CatalogueStore(Emulators.dynamo(), table, clock).replace(RoutingCatalogue.demo());
        TicketStore store = new TicketStore(Emulators.dynamo(), table, new PhoneHash("test-citizen-index-key-0123456789"));
        RateReports reports = new RateReports(store, new CatalogueStore(Emulators.dynamo(), table, clock), 5);
        mail = new RecordingTransport();
        handler = new DigestHandler(new Digests(reports, store, WorkCalendar::bundled, SHANGHAI), reports,
                new DigestLog(Emulators.dynamo(), table), mail, WorkCalendar::bundled, List.of(SUPERVISOR), SHANGHAI, clock);
    }

    @Test
    void aWeeklyBulletinDeliveredTwiceMailsTheSupervisorAndEachUnitHeadOnce() {
        DigestMessage fired = new DigestMessage("weekly", "2026-03-30T00:00:00Z");
        DigestHandler.Outcome first = handler.handle(fired);
        DigestHandler.Outcome again = handler.handle(fired);
        assertEquals(1 + UNITS_WITH_HEADS, first.sent());
        assertEquals(0, again.sent());
        assertEquals(1 + UNITS_WITH_HEADS, again.alreadySent());
        assertEquals(1 + UNITS_WITH_HEADS, mail.sentTo.size());
        assertEquals(1 + UNITS_WITH_HEADS, new HashSet<>(mail.sentTo).size(), "nobody twice");
        assertTrue(mail.sentTo.contains("head@heating-company.jiesu.local"));
        assertTrue(mail.contents.get(0).subject().contains("Weekly bulletin 2026-W13"));
    }

    @Test
    void aFailedSendHoldsNobodyElseBackAndIsRetriedForItsRecipientOnly() {
        mail.failsFor = "head@water-authority.jiesu.local";
        DigestMessage fired = new DigestMessage("monthly", "2026-03-31T16:00:00Z");
        clock.set(Instant.parse("2026-03-31T16:00:03Z"));
        assertThrows(IllegalStateException.class, () -> handler.handle(fired), "the delivery fails, so SQS retries it");
        assertEquals(UNITS_WITH_HEADS, mail.sentTo.size(), "everyone else was mailed");
        assertFalse(mail.sentTo.contains("head@water-authority.jiesu.local"));
        DigestHandler.Outcome retry = handler.handle(fired);
        assertEquals(1, retry.sent(), "only the one that failed");
        assertEquals(UNITS_WITH_HEADS, retry.alreadySent());
        assertEquals(1 + UNITS_WITH_HEADS, mail.sentTo.size());
        assertEquals(Set.copyOf(mail.sentTo).size(), mail.sentTo.size(), "nobody twice");
    }

    @Test
    void theHeadOfTwoUnitsGetsEachUnitsPart() {
        String table = Emulators.newTable();
        CatalogueStore catalogue = new CatalogueStore(Emulators.dynamo(), table, clock);
        catalogue.replace(new RoutingCatalogue(List.of(new HandlingUnit("street-east", "东街道", "head@streets.gov.cn"),
                new HandlingUnit("street-west", "西街道", "head@streets.gov.cn")), List.of()));
        TicketStore store = new TicketStore(Emulators.dynamo(), table, new PhoneHash("test-citizen-index-key-0123456789"));
        RateReports reports = new RateReports(store, catalogue, 5);
        DigestHandler twoUnits = new DigestHandler(new Digests(reports, store, WorkCalendar::bundled, SHANGHAI), reports,
                new DigestLog(Emulators.dynamo(), table), mail, WorkCalendar::bundled, List.of(SUPERVISOR), SHANGHAI, clock);
        assertEquals(3, twoUnits.handle(new DigestMessage("weekly", "2026-03-30T00:00:00Z")).sent());
        assertEquals(2, mail.sentTo.stream().filter("head@streets.gov.cn"::equals).count());
        assertTrue(mail.contents.stream().anyMatch(c -> c.subject().endsWith("— 东街道")));
        assertTrue(mail.contents.stream().anyMatch(c -> c.subject().endsWith("— 西街道")));
    }

    @Test
    void aScheduledMessageWithoutItsOccurrenceIsDroppedNotSentAgainOnEveryDelivery() {
        assertTrue(handler.handle(new DigestMessage("weekly", null)).skipped().contains("scheduledTime"));
        assertTrue(mail.sentTo.isEmpty());
    }

    @Test
    void theDailyListGoesOutOnWorkingDaysOnlyMakeUpDaysIncluded() {
        // 2026-10-01, National Day: a holiday
        clock.set(Instant.parse("2026-10-01T00:00:02Z"));
        assertEquals("not a working day", handler.handle(new DigestMessage("daily", "2026-10-01T00:00:00Z")).skipped());
        // 2026-03-29, a Sunday
        clock.set(Instant.parse("2026-03-29T00:00:02Z"));
        assertEquals("not a working day", handler.handle(new DigestMessage("daily", "2026-03-29T00:00:00Z")).skipped());
        assertTrue(mail.sentTo.isEmpty());
        // 2026-09-20, a Sunday worked to make up for the National Day holiday
        clock.set(Instant.parse("2026-09-20T00:00:02Z"));
        DigestHandler.Outcome makeUp = handler.handle(new DigestMessage("daily", "2026-09-20T00:00:00Z"));
        assertNull(makeUp.skipped());
        assertEquals(List.of(SUPERVISOR), mail.sentTo, "with nothing overdue, unit heads are not mailed daily");
        assertTrue(mail.contents.get(0).text().contains("none"));
    }

    @Test
    void aDailyFiringFoundHoursLateIsDroppedButOneAskedForByHandGoesOutAnyDay() {
        clock.set(Instant.parse("2026-03-31T00:00:00Z"));
        assertTrue(handler.handle(new DigestMessage("daily", "2026-03-30T00:00:00Z")).skipped().contains("too long ago"));
        clock.set(Instant.parse("2026-03-29T03:00:00Z"));
        DigestHandler.Outcome byHand = handler.handle(new DigestMessage("daily", null, "2026-03-29T03:00:00Z"));
        assertEquals(1, byHand.sent(), "a Sunday, but asked for");
    }

    @Test
    void anUnknownKindIsDroppedNotRetried() {
        DigestHandler.Outcome o = handler.handle(new DigestMessage("hourly", "2026-03-30T00:00:00Z"));
        assertTrue(o.skipped().contains("daily, weekly or monthly"));
        assertTrue(mail.sentTo.isEmpty());
    }
}
