package io.jiesu.aws.digest;

import io.jiesu.core.digest.DigestMail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import static org.junit.jupiter.api.Assertions.*;

/** What SES is asked to send: one recipient, the HTML with its plain-text alternative, all in UTF-8. */
class SesMailTransportTest {
    @Test
    void theRequestCarriesBothPartsInUtf8FromTheVerifiedSender() {
        SendEmailRequest r = SesMailTransport.request("digest@city.gov.cn", "head@unit.gov.cn",
                new DigestMail.Content("月排名 2026-03", "<p>满意率</p>", "满意率"));
        assertEquals("digest@city.gov.cn", r.fromEmailAddress());
        assertEquals(java.util.List.of("head@unit.gov.cn"), r.destination().toAddresses());
        var m = r.content().simple();
        assertEquals("月排名 2026-03", m.subject().data());
        assertEquals("<p>满意率</p>", m.body().html().data());
        assertEquals("满意率", m.body().text().data());
        assertEquals("UTF-8", m.body().html().charset());
        assertEquals("UTF-8", m.subject().charset());
    }
}
