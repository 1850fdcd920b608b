package io.jiesu.stages.digest;

import io.jiesu.aws.calendar.CalendarStore;
import io.jiesu.aws.digest.DigestHandler;
import io.jiesu.aws.digest.DigestLog;
import io.jiesu.aws.digest.Digests;
import io.jiesu.aws.digest.MailTransport;
import io.jiesu.aws.digest.SesMailTransport;
import io.jiesu.aws.rates.RateReports;
import io.jiesu.core.policy.Policy;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The digest function's beans: the mail transport chosen by jiesu.mail.transport, and the handler. */
@ApplicationScoped
public class DigestBeans {

    @Produces
    @Singleton
    MailTransport mail(@ConfigProperty(name = "jiesu.mail.transport") String transport,
                       @ConfigProperty(name = "jiesu.mail.from") String from,
                       Instance<Mailer> mailer, Instance<SesV2Client> ses) {
        return switch (transport) {
            case "smtp" -> new SmtpMailTransport(mailer.get());
            case "ses" -> new SesMailTransport(ses.get(), from);
            default -> throw new IllegalStateException("jiesu.mail.transport is '" + transport + "': set smtp or ses");
        };
    }

    @Produces
    @Singleton
    DigestHandler digestHandler(Digests digests, RateReports reports, DigestLog log, MailTransport mail,
                                CalendarStore calendars, Policy policy, Clock clock,
                                @ConfigProperty(name = "jiesu.digest.supervisors") Optional<List<String>> supervisors) {
        return new DigestHandler(digests, reports, log, mail, calendars::current, supervisors.orElse(List.of()),
                policy.zone(), clock);
    }
}
