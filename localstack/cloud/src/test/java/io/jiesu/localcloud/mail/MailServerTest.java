package io.jiesu.localcloud.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The mail folder shows each mail once, in the order it arrived, and only this run's: mails sent over SMTP to
 * several recipients in an interleaved order, as digests go out (supervisor, a head, the supervisor again ...).
 */
class MailServerTest {
    private static final List<String> TO = List.of("supervisor@jiesu.local", "head@heating-company.jiesu.local",
            "supervisor@jiesu.local", "head@water-authority.jiesu.local", "head@heating-company.jiesu.local",
            "supervisor@jiesu.local", "head@water-authority.jiesu.local");

    @Test
    void everyDeliveryIsWrittenOnceInArrivalOrderAndReceivedListsTheSame(@TempDir Path dir) throws Exception {
        try (MailServer mail = MailServer.start()) {
            mail.dumpTo(dir);
            for (int i = 0; i < TO.size(); i++) {
                send(mail, "第" + (i + 1) + "封 mail " + (i + 1), TO.get(i));
            }
            // one message to two recipients: delivered to, and written for, each mailbox
            send(mail, "第8封 mail 8", "supervisor@jiesu.local", "head@water-authority.jiesu.local");

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < TO.size(); i++) {
                expected.add("%04d-%s mail %d".formatted(i + 1, TO.get(i), i + 1));
            }
            expected.add("0008-supervisor@jiesu.local mail 8");
            expected.add("0009-head@water-authority.jiesu.local mail 8");
            assertEquals(expected, folder(dir));
            assertEquals(expected.stream().map(e -> e.substring(5)).toList(),
                    mail.received().stream().map(r -> r.to() + " " + r.subject().replaceAll("^第\\d+封 ", "")).toList());
            for (String name : List.of("0004-head@water-authority.jiesu.local.html", "0004-head@water-authority.jiesu.local.eml")) {
                assertTrue(Files.readString(dir.resolve(name)).contains("mail 4"), name);
            }
        }
    }

    @Test
    void theFolderHoldsOnlyThisRunsMailsNumberedFromOne(@TempDir Path dir) throws Exception {
        try (MailServer earlier = MailServer.start()) {
            earlier.dumpTo(dir);
            for (int i = 0; i < 3; i++) {
                send(earlier, "earlier run " + (i + 1), TO.get(i));
            }
        }
        Files.writeString(dir.resolve("README-mine.txt"), "not a mail: left alone");
        try (MailServer now = MailServer.start()) {
            send(now, "this run 1", "head@water-authority.jiesu.local");   // before the folder is set: written too
            now.dumpTo(dir);
            send(now, "this run 2", "supervisor@jiesu.local");
            assertEquals(List.of("0001-head@water-authority.jiesu.local this run 1", "0002-supervisor@jiesu.local this run 2"),
                    folder(dir));
        }
        assertTrue(Files.exists(dir.resolve("README-mine.txt")), "only mail files are cleared");
    }

    /** Each .eml in the folder as "NNNN-recipient subject", after checking its .html and .txt are beside it. */
    private static List<String> folder(Path dir) throws IOException, MessagingException {
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-.*")).sorted().toList();
        }
        List<String> mails = new ArrayList<>();
        for (String n : names) {
            if (n.endsWith(".eml")) {
                String base = n.substring(0, n.length() - 4);
                assertTrue(names.contains(base + ".html") && names.contains(base + ".txt"), base);
                try (var in = Files.newInputStream(dir.resolve(n))) {
                    String subject = new MimeMessage(Session.getInstance(new Properties()), in).getSubject();
                    mails.add(base + " " + subject.replaceAll("^第\\d+封 ", ""));
                }
            }
        }
        assertEquals(names.size(), mails.size() * 3, "an .eml, .html and .txt per mail, nothing else: " + names);
        return mails;
    }

    private static void send(MailServer server, String subject, String... to) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.smtpPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress("digest@jiesu.local"));
        for (String address : to) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        m.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(subject, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>" + subject + "</p>", "text/html; charset=UTF-8");
        m.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(m);
    }
}
