package io.jiesu.stages.digest;

import io.jiesu.aws.digest.MailTransport;
import io.jiesu.core.digest.DigestMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends over SMTP with Quarkus Mailer (quarkus.mailer.*): GreenMail on the local cloud and in tests. */
public class SmtpMailTransport implements MailTransport {
    private final Mailer mailer;

    public SmtpMailTransport(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(String to, DigestMail.Content c) {
        mailer.send(Mail.withHtml(to, c.subject(), c.html()).setText(c.text()));
    }
}
