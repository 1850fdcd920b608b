package io.jiesu.localcloud.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local cloud's mail server: GreenMail SMTP (what the digest function sends to) and IMAP (read it with any
 * mail client: user and password are the address), on free loopback ports. Every mail received can also be
 * written to a folder as .eml, .html and .txt, to open in a browser or an editor.
 *
 * <p>What is received is recorded as it is delivered, one entry per recipient a message is delivered to (a
 * digest mail has one recipient; a message to three gives three entries, one per mailbox it lands in), in the
 * order of arrival. GreenMail's own list of received messages is grouped by mailbox, not by arrival, so it is
 * not read for either {@link #received()} or the folder.
 */
public final class MailServer implements AutoCloseable {

    /** One mail as a reader sees it: its recipient, subject and the two alternatives of its body. */
    public record Received(String to, String subject, String html, String text) {
    }

    /** A file this server wrote: its number in the run, then the recipient. */
    private static final Pattern WRITTEN = Pattern.compile("^\\d{4,}-.*\\.(eml|html|txt)$");

    private final GreenMail greenMail;
    /** Every delivery so far, in arrival order: what {@link #received()} and the folder show. */
    private final List<Received> deliveries = new ArrayList<>();
    private final List<MimeMessage> messages = new ArrayList<>();
    private Path dir;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailServer start() {
        GreenMail g = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        g.start();
        MailServer server = new MailServer(g);
        UserManager users = g.getManagers().getUserManager();
        MessageDeliveryHandler standard = users.getMessageDeliveryHandler();
        // called once per recipient of each message, one message at a time (GreenMail's SMTP delivery is
        // serialised), so the order seen here is the order of arrival
        users.setMessageDeliveryHandler((message, recipient) -> {
            GreenMailUser user = standard.handle(message, recipient);
            server.delivered(message.getMessage(), recipient.getEmail());
            return user;
        });
        return server;
    }

    private synchronized void delivered(MimeMessage m, String recipient) {
        Received r = read(m, recipient);
        deliveries.add(r);
        messages.add(m);
        if (dir != null) {
            write(dir, deliveries.size(), r, m);
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Everything received so far, one entry per recipient delivery, in the order of arrival. */
    public synchronized List<Received> received() {
        return List.copyOf(deliveries);
    }

    /**
     * Writes every mail received, so far and from now on, to {@code dir} as it arrives: {@code NNNN-<recipient>}
     * .eml, .html and .txt, numbered from 0001 in the order of arrival, one set per recipient delivery. The folder
     * is this run's: mails an earlier run wrote there are removed first, so no two mails share a number.
     */
    public synchronized void dumpTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> WRITTEN.matcher(p.getFileName().toString()).matches()).toList()) {
                Files.delete(p);
            }
        }
        this.dir = dir;
        for (int i = 0; i < deliveries.size(); i++) {
            write(dir, i + 1, deliveries.get(i), messages.get(i));
        }
    }

    private static void write(Path dir, int n, Received r, MimeMessage m) {
        String base = "%04d-%s".formatted(n, r.to().replaceAll("[^A-Za-z0-9@.-]", "_"));
        try (OutputStream out = Files.newOutputStream(dir.resolve(base + ".eml"))) {
            m.writeTo(out);
            Files.writeString(dir.resolve(base + ".html"), r.html() == null ? "" : r.html());
            Files.writeString(dir.resolve(base + ".txt"), r.text() == null ? "" : r.text());
        } catch (IOException | MessagingException e) {
            System.err.println("could not write mail " + n + " to " + dir + ": " + e.getMessage());
        }
    }

    /** The mail as {@code recipient}'s mailbox holds it (a message to several is received once by each). */
    static Received read(MimeMessage m, String recipient) {
        try {
            List<String> html = new ArrayList<>();
            List<String> text = new ArrayList<>();
            collect(m, html, text);
            return new Received(recipient, m.getSubject(),
                    html.stream().findFirst().orElse(null), text.stream().findFirst().orElse(null));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static void collect(Part p, List<String> html, List<String> text) throws MessagingException, IOException {
        if (p.isMimeType("text/html")) {
            html.add((String) p.getContent());
        } else if (p.isMimeType("text/plain")) {
            text.add((String) p.getContent());
        } else if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                collect(part, html, text);
            }
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
