package io.jiesu.aws.digest;

import io.jiesu.core.digest.DigestMail;

/** Sends one email: SMTP (Quarkus Mailer) on the local cloud and in tests, Amazon SES on AWS. */
public interface MailTransport {
    void send(String to, DigestMail.Content content);
}
