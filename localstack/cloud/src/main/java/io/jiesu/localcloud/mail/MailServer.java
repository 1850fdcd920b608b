package io.jiesu.localcloud.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
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
import java.util.Arrays;
import java.util.List;

/**
 * The local cloud's mail server: GreenMail SMTP (what the digest function sends to) and IMAP (read it with any
 * mail client: user and password are the address), on free loopback ports. Every mail received can also be
 * written to a folder as .eml, .html and .txt, to open in a browser or an editor.
 */
public final class MailServer implements AutoCloseable {

    /** One mail as a reader sees it: its recipient, subject and the two alternatives of its body. */
    public record Received(String to, String subject, String html, String text) {
    }

    private final GreenMail greenMail;
    private Thread dumper;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailServer start() {
        GreenMail g = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        g.start();
        return new MailServer(g);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Everything received so far, oldest first. */
    public List<Received> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::read).toList();
    }

    /** Writes every mail received, now and from now on, to {@code dir} (checked every half second). */
    public void dumpTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        dumper = new Thread(() -> {
            int written = 0;
            while (!Thread.currentThread().isInterrupted()) {
                MimeMessage[] all = greenMail.getReceivedMessages();
                for (; written < all.length; written++) {
                    write(dir, written + 1, all[written]);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mail-dump");
        dumper.setDaemon(true);
        dumper.start();
    }

    private static void write(Path dir, int n, MimeMessage m) {
        Received r = read(m);
        String base = "%04d-%s".formatted(n, r.to().replaceAll("[^A-Za-z0-9@.-]", "_"));
        try (OutputStream out = Files.newOutputStream(dir.resolve(base + ".eml"))) {
            m.writeTo(out);
            Files.writeString(dir.resolve(base + ".html"), r.html() == null ? "" : r.html());
            Files.writeString(dir.resolve(base + ".txt"), r.text() == null ? "" : r.text());
        } catch (IOException | MessagingException e) {
            System.err.println("could not write mail " + n + " to " + dir + ": " + e.getMessage());
        }
    }

    static Received read(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            List<String> html = new ArrayList<>();
            List<String> text = new ArrayList<>();
            collect(m, html, text);
            return new Received(to == null || to.length == 0 ? "" : to[0].toString(), m.getSubject(),
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
        if (dumper != null) {
            dumper.interrupt();
        }
        greenMail.stop();
    }
}
