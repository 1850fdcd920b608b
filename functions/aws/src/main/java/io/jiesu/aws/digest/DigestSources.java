package io.jiesu.aws.digest;

import io.jiesu.aws.AwsClients;
import io.jiesu.aws.calendar.CalendarStore;
import io.jiesu.aws.rates.RateReports;
import io.jiesu.aws.ticket.Inboxes;
import io.jiesu.core.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.util.Optional;

/** What the digests are made from, the log of those sent, and Amazon SES to send them on AWS. */
@ApplicationScoped
public class DigestSources {

    /** Amazon SES, for the digests on AWS (jiesu.mail.transport=ses); built only where a function asks for it. */
    @Produces
    @Singleton
    SesV2Client ses(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region) {
        return AwsClients.client(SesV2Client.builder(), region, Optional.empty());
    }

    @Produces
    @Singleton
    Digests digests(RateReports reports, Inboxes store, CalendarStore calendars, Policy policy,
                    io.jiesu.core.knowledge.Articles articles, io.jiesu.aws.knowledge.KnowledgeConfig knowledge) {
        return new Digests(reports, store, calendars::current, policy.zone(),
                new KnowledgeFlags(articles, knowledge.policy()));
    }

    @Produces
    @Singleton
    DigestLog digestLog(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table) {
        return new DigestLog(dynamo, table);
    }
}
