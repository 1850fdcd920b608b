package io.jiesu.aws.digest;

import io.jiesu.aws.Emulators;
import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.rates.RateReports;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.aws.ticket.TicketStore;
import io.jiesu.core.calendar.WorkCalendar;
import io.jiesu.core.digest.DigestKind;
import io.jiesu.core.digest.DigestMail;
import io.jiesu.core.catalogue.RoutingCatalogue;
import io.jiesu.localcloud.mail.MailServer;
import io.jiesu.localcloud.scheduler.MovableClock;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Digest deliveries that meet: the same digest message handled by two function instances at once, and a
 * delivery whose handler died holding a claim, against DynamoDB Local (the send log) and GreenMail over SMTP (the
 * mails as recipients get them). Each recipient gets each digest exactly once.
 */
class DigestDeliveriesAtOnceTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SUPERVISOR = "supervisor@city.gov.cn";
    private static final List<String> RECIPIENTS = recipients();

    private MovableClock clock;
    private String table;
    private MailServer greenMail;

    private static List<String> recipients() {
        List<String> all = new ArrayList<>(List.of(SUPERVISOR));
        RoutingCatalogue.demo().units().stream().filter(u -> u.headEmail() != null).forEach(u -> all.add(u.headEmail()));
        return all;
    }

    /** Over SMTP to GreenMail, as the digest function sends locally; {@code before} runs first (a crash, say). */
    static final class SmtpTransport implements MailTransport {
        private final int port;
        volatile Function<String, RuntimeException> before = to -> null;

        SmtpTransport(int port) {
            this.port = port;
        }

        @Override
        public void send(String to, DigestMail.Content content) {
            before.apply(to);
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", Integer.toString(port));
            try {
                MimeMessage m = new MimeMessage(Session.getInstance(p));
                m.setFrom(new InternetAddress("digest@jiesu.local"));
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
                m.setSubject(content.subject(), "UTF-8");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(content.text(), "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(content.html(), "text/html; charset=UTF-8");
                m.setContent(new MimeMultipart("alternative", text, html));
                Transport.send(m);
            } catch (MessagingException e) {
                throw new IllegalStateException("SMTP: " + e.getMessage(), e);
            }
        }
    }

    /** The process dies mid-delivery: nothing the handler catches, so its claim is left behind, unreleased. */
    static final class Crash extends Error {
        Crash() {
            super("the function instance died", null, false, false);
        }
    }

    @BeforeEach
    void fresh() {
        clock = new MovableClock(Instant.parse("2026-03-30T00:00:05Z"));
        table = Emulators.newTable();
        new CatalogueStore(Emulators.dynamo(), table, clock).replace(RoutingCatalogue.demo());
        greenMail = MailServer.start();
    }

    @AfterEach
    void stop() {
        greenMail.close();
    }

    /** One function instance: its own clients and send log over the shared table, mailing over SMTP. */
    private DigestHandler instance(SmtpTransport transport) {
        TicketStore store = new TicketStore(Emulators.dynamo(), table, new PhoneHash("test-citizen-index-key-0123456789"));
        RateReports reports = new RateReports(store, new CatalogueStore(Emulators.dynamo(), table, clock), 5);
        return new DigestHandler(new Digests(reports, store, WorkCalendar::bundled, SHANGHAI), reports,
                new DigestLog(Emulators.dynamo(), table), transport, WorkCalendar::bundled, List.of(SUPERVISOR), SHANGHAI, clock);
    }

    /** How many mails about {@code subject} each recipient has in GreenMail. */
    private Map<String, Long> mailsAbout(String subject) {
        return greenMail.received().stream().filter(m -> m.subject().contains(subject))
                .collect(Collectors.groupingBy(MailServer.Received::to, Collectors.counting()));
    }

    private static Map<String, Long> onceEach() {
        return RECIPIENTS.stream().collect(Collectors.toMap(r -> r, r -> 1L));
    }

    @Test
    void twoDeliveriesHandledAtOnceMailEachRecipientExactlyOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // several weeks' bulletins, each delivered twice at the same moment to two instances
            for (String monday : List.of("2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30")) {
                Instant fired = Instant.parse(monday + "T00:00:00Z");
                clock.set(fired.plusSeconds(5));
                DigestMessage message = new DigestMessage("weekly", fired.toString());
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<DigestHandler.Outcome>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    DigestHandler handler = instance(new SmtpTransport(greenMail.smtpPort()));
                    Callable<DigestHandler.Outcome> delivery = () -> {
                        together.await();
                        return handler.handle(message);
                    };
                    runs.add(threads.submit(delivery));
                }
                int sent = 0;
                int refused = 0;
                for (Future<DigestHandler.Outcome> run : runs) {
                    try {
                        sent += run.get().sent();
                    } catch (java.util.concurrent.ExecutionException e) {
                        // the other instance held some claims: this delivery fails so SQS retries it
                        assertInstanceOf(IllegalStateException.class, e.getCause());
                        refused++;
                    }
                }
                // the retry SQS makes of a refused delivery finds everything sent
                DigestHandler.Outcome retry = instance(new SmtpTransport(greenMail.smtpPort())).handle(message);
                assertEquals(0, retry.sent(), monday + ": the retry mails nobody again");
                assertEquals(RECIPIENTS.size(), retry.alreadySent());
                String week = DigestKind.WEEKLY.period(LocalDate.parse(monday)).label();   // the week before
                assertEquals(onceEach(), mailsAbout("Weekly bulletin " + week),
                        monday + ": one mail per recipient (" + sent + " sent by the two, " + refused + " refused)");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aClaimLeftByACrashedHandlerIsTakenOverOnlyAfterItsLeaseRunsOut() {
        String crashed = "head@water-authority.jiesu.local";
        assertTrue(RECIPIENTS.contains(crashed));
        DigestMessage message = new DigestMessage("monthly", "2026-03-31T16:00:00Z");
        clock.set(Instant.parse("2026-03-31T16:00:03Z"));
        SmtpTransport dying = new SmtpTransport(greenMail.smtpPort());
        dying.before = to -> {
            if (to.equals(crashed)) {
                throw new Crash();
            }
            return null;
        };
        assertThrows(Crash.class, () -> instance(dying).handle(message), "the instance dies while mailing the water head");
        assertFalse(mailsAbout("Monthly ranking 2026-03").containsKey(crashed));

        // redelivered within the lease: the others are mailed (once), the crashed claim is left to its holder
        clock.set(Instant.parse("2026-03-31T16:00:03Z").plus(DigestLog.LEASE).minusSeconds(5));
        assertThrows(IllegalStateException.class, () -> instance(new SmtpTransport(greenMail.smtpPort())).handle(message),
                "one mail still held by a live-looking claim: the delivery asks to be retried");
        Map<String, Long> expected = new java.util.HashMap<>(onceEach());
        expected.remove(crashed);
        assertEquals(expected, mailsAbout("Monthly ranking 2026-03"));

        // the lease runs out (the clock travels, no one sleeps): the next delivery takes the claim over and mails it
        clock.set(Instant.parse("2026-03-31T16:00:03Z").plus(DigestLog.LEASE).plus(Duration.ofSeconds(1)));
        DigestHandler.Outcome takenOver = instance(new SmtpTransport(greenMail.smtpPort())).handle(message);
        assertEquals(1, takenOver.sent(), "only the crashed one");
        assertEquals(RECIPIENTS.size() - 1, takenOver.alreadySent());
        assertEquals(onceEach(), mailsAbout("Monthly ranking 2026-03"));

        // and any later redelivery mails nobody
        clock.advance(Duration.ofHours(1));
        assertEquals(0, instance(new SmtpTransport(greenMail.smtpPort())).handle(message).sent());
        assertEquals(onceEach(), mailsAbout("Monthly ranking 2026-03"));
    }
}
