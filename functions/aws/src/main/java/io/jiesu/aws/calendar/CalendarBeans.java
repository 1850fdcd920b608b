package io.jiesu.aws.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The working calendars, kept in the table. */
@ApplicationScoped
public class CalendarBeans {

    @Produces
    @Singleton
    CalendarStore calendars(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table, Clock clock) {
        return new CalendarStore(dynamo, table, clock);
    }
}
