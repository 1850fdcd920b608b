package io.jiesu.aws.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;

/** Notices of cuts and closures: their store, and the ones in force as intake and the desk read them. */
@ApplicationScoped
public class NoticeBeans {

    @Produces
    @Singleton
    NoticeStore notices(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table) {
        return new NoticeStore(dynamo, table);
    }

    /** jiesu.notices.refresh (default 10 s): how soon a notice changed by another process reaches this one's intake. */
    @Produces
    @Singleton
    NoticesInForce inForce(NoticeStore notices, Clock clock,
                           @ConfigProperty(name = "jiesu.notices.refresh", defaultValue = "PT10S") Duration refresh) {
        return new NoticesInForce(notices, clock, refresh);
    }
}
