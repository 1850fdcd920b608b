package io.jiesu.aws;

import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.clock.TravelClock;
import io.jiesu.aws.rates.RateReports;
import io.jiesu.aws.digest.DigestLog;
import io.jiesu.aws.digest.Digests;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import io.jiesu.aws.queues.TicketQueues;
import io.jiesu.aws.resources.QueueName;
import io.jiesu.aws.tickets.PhoneHash;
import io.jiesu.aws.tickets.TicketStore;
import io.jiesu.aws.tickets.TicketWorkflow;
import io.jiesu.aws.calendar.CalendarStore;
import io.jiesu.aws.province.ProvinceNotifier;
import io.jiesu.aws.province.Provinces;
import io.jiesu.core.province.ProvinceSignature;
import io.jiesu.aws.timers.DeadlineHandler;
import io.jiesu.aws.timers.ScheduledTimers;
import io.jiesu.core.deadline.TicketTimers;
import io.jiesu.core.rates.TicketCounters;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import io.jiesu.core.deadline.Deadlines;
import io.jiesu.core.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters as CDI beans, configured from application.properties / environment. The same code runs on
 * AWS and on the local cloud: only the endpoint overrides differ.
 */
@ApplicationScoped
public class AwsBeans {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "jiesu.clock.offset-file") Optional<java.nio.file.Path> offsetFile) {
        // a local run may travel in time (TravelClock); everywhere else the system clock. TravelClock stays in this
        // module although only the local run uses it: the run starts the api and stage processes from their packaged
        // artifacts (java -jar), whose class path and bean graph are fixed when Quarkus builds them, so a clock kept
        // in a localstack module could not reach them. It is inert on AWS: template.yaml never sets the offset file.
        return offsetFile.<Clock>map(TravelClock::new).orElseGet(Clock::systemUTC);
    }

    /**
     * Builds the SDK clients while the function starts, not on its first request or message: on Lambda, start-up
     * runs before the SnapStart snapshot, so their classes are loaded and their HTTP clients made in it.
     */
    void buildClientsAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started, DynamoDbClient dynamo, SqsClient sqs) {
        dynamo.serviceName();
        sqs.serviceName();
    }

    @Produces
    @Singleton
    DynamoDbClient dynamo(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region,
                          @ConfigProperty(name = "jiesu.aws.dynamodb.endpoint") Optional<URI> endpoint) {
        return client(DynamoDbClient.builder(), region, endpoint);
    }

    @Produces
    @Singleton
    SqsClient sqs(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region,
                  @ConfigProperty(name = "jiesu.aws.sqs.endpoint") Optional<URI> endpoint) {
        // a hung SQS must not hold a request that already committed: the outbox keeps the message
        return client(SqsClient.builder().overrideConfiguration(c -> c.apiCallTimeout(java.time.Duration.ofSeconds(3))),
                region, endpoint);
    }

    /** Every SDK client the same way: the URL-connection HTTP client, and an endpoint override on an emulator. */
    private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(
            B builder, Optional<String> region, Optional<URI> endpoint) {
        builder.httpClient(UrlConnectionHttpClient.create());
        region.map(Region::of).ifPresent(builder::region);
        if (endpoint.isPresent()) {
            // an emulator: any credentials do
            builder.endpointOverride(endpoint.get())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Produces
    @Singleton
    Policy policy(Config config) {
        Map<String, String> overrides = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("jiesu.policy.")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> overrides.put(name, v));
            }
        }
        return Policy.defaults().withOverrides(overrides);
    }

    @Produces
    @Singleton
    SchedulerClient scheduler(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region,
                              @ConfigProperty(name = "jiesu.aws.scheduler.endpoint") Optional<URI> endpoint) {
        return client(SchedulerClient.builder(), region, endpoint);
    }

    @Produces
    @Singleton
    CalendarStore calendars(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table, Clock clock) {
        return new CalendarStore(dynamo, table, clock);
    }

    /** Deadlines on the calendar as loaded now: a year's list loaded at run time applies from then on. */
    @Produces
    @Singleton
    Deadlines deadlines(CalendarStore calendars, Policy policy) {
        return new Deadlines(calendars::current, policy);
    }

    @Produces
    @Singleton
    TicketTimers ticketTimers(Deadlines deadlines) {
        return new TicketTimers(deadlines);
    }

    @Produces
    @Singleton
    ScheduledTimers scheduledTimers(SchedulerClient scheduler, TicketTimers timers,
                                    @ConfigProperty(name = "jiesu.scheduler.group") String group,
                                    @ConfigProperty(name = "jiesu.queue.deadline.arn") String deadlineQueueArn,
                                    @ConfigProperty(name = "jiesu.scheduler.role-arn") String roleArn,
                                    @ConfigProperty(name = "jiesu.scheduler.dlq-arn") Optional<String> deadLetterArn) {
        return new ScheduledTimers(scheduler, timers, group, deadlineQueueArn, roleArn, deadLetterArn.orElse(null));
    }

    @Produces
    @Singleton
    DeadlineHandler deadlineHandler(TicketWorkflow workflow, TicketTimers timers, ScheduledTimers scheduled, Clock clock) {
        return new DeadlineHandler(workflow, timers, scheduled, clock);
    }

    @Produces
    @Singleton
    io.jiesu.aws.timers.TimerReconciler timerReconciler(TicketStore store, ScheduledTimers scheduled) {
        return new io.jiesu.aws.timers.TimerReconciler(store, scheduled);
    }

    @Produces
    @Singleton
    TicketStore ticketStore(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table,
                            @ConfigProperty(name = "jiesu.citizen-index-key") String citizenIndexKey, Policy policy) {
        return new TicketStore(dynamo, table, new PhoneHash(citizenIndexKey), new TicketCounters(policy.zone()));
    }

    @Produces
    @Singleton
    TicketQueues queues(SqsClient sqs, Config config) {
        Map<QueueName, String> urls = new EnumMap<>(QueueName.class);
        for (QueueName q : QueueName.values()) {
            config.getOptionalValue("jiesu.queue." + q.function() + ".url", String.class).ifPresent(u -> urls.put(q, u));
        }
        return new TicketQueues(sqs, urls);
    }

    @Produces
    @Singleton
    TicketWorkflow workflow(TicketStore store, TicketQueues queues, ScheduledTimers timers, Clock clock) {
        return new TicketWorkflow(store, queues, timers, clock);
    }

    /**
     * The provincial platforms. A deployment's own province: jiesu.province.code, .secret, .callback-url
     * (environment JIESU_PROVINCE_CODE, _SECRET, _CALLBACK_URL); more as jiesu.province.<code>.secret and
     * jiesu.province.<code>.callback-url properties.
     */
    @Produces
    @Singleton
    Provinces provinces(Config config) {
        Map<String, Provinces.Province> byCode = new HashMap<>();
        config.getOptionalValue("jiesu.province.code", String.class).ifPresent(code -> byCode.put(code,
                new Provinces.Province(code, new ProvinceSignature(config.getValue("jiesu.province.secret", String.class)),
                        config.getOptionalValue("jiesu.province.callback-url", URI.class).orElse(null))));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("jiesu.province.") && name.endsWith(".secret") && !name.equals("jiesu.province.secret")) {
                String code = name.substring("jiesu.province.".length(), name.length() - ".secret".length());
                String secret = config.getValue(name, String.class);
                URI callback = config.getOptionalValue("jiesu.province." + code + ".callback-url", URI.class).orElse(null);
                byCode.put(code, new Provinces.Province(code, new ProvinceSignature(secret), callback));
            }
        }
        return new Provinces(byCode);
    }

    @Produces
    @Singleton
    ProvinceNotifier provinceNotifier(Provinces provinces, Clock clock) {
        return new ProvinceNotifier(provinces, clock);
    }

    @Produces
    @Singleton
    CatalogueStore catalogue(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table, Clock clock) {
        return new CatalogueStore(dynamo, table, clock);
    }

    @Produces
    @Singleton
    RateReports rateReports(TicketStore store, CatalogueStore catalogue,
                            @ConfigProperty(name = "jiesu.rates.minimum-to-rank", defaultValue = "5") int minimumToRank) {
        return new RateReports(store, catalogue, minimumToRank);
    }

    /** Amazon SES, for the digests on AWS (jiesu.mail.transport=ses); built only where a function asks for it. */
    @Produces
    @Singleton
    SesV2Client ses(@ConfigProperty(name = "jiesu.aws.region") Optional<String> region) {
        return client(SesV2Client.builder(), region, Optional.empty());
    }

    @Produces
    @Singleton
    Digests digests(RateReports reports, TicketStore store, CalendarStore calendars, Policy policy) {
        return new Digests(reports, store, calendars::current, policy.zone());
    }

    @Produces
    @Singleton
    DigestLog digestLog(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table) {
        return new DigestLog(dynamo, table);
    }
}
