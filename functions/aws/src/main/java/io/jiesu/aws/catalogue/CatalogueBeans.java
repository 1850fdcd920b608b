package io.jiesu.aws.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The routing catalogue, kept in the table. */
@ApplicationScoped
public class CatalogueBeans {

    @Produces
    @Singleton
    CatalogueStore catalogue(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table, Clock clock) {
        return new CatalogueStore(dynamo, table, clock);
    }
}
