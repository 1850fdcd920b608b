package io.jiesu.aws.digest;

import io.jiesu.core.digest.DigestMail;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** Sends through Amazon SES (SendEmail, HTML with its plain-text alternative), from the stack's verified sender. */
public class SesMailTransport implements MailTransport {
    private final SesV2Client ses;
    private final String from;

    public SesMailTransport(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public void send(String to, DigestMail.Content c) {
        ses.sendEmail(request(from, to, c));
    }

    static SendEmailRequest request(String from, String to, DigestMail.Content c) {
        return SendEmailRequest.builder().fromEmailAddress(from)
                .destination(Destination.builder().toAddresses(to).build())
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(c.subject()))
                        .body(Body.builder().html(utf8(c.html())).text(utf8(c.text())).build())
                        .build()).build())
                .build();
    }

    private static Content utf8(String s) {
        return Content.builder().data(s).charset("UTF-8").build();
    }
}
