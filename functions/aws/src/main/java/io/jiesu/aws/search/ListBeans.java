package io.jiesu.aws.search;

import io.jiesu.aws.dashboard.FigureItems;
import io.jiesu.aws.ticket.PhoneHash;
import io.jiesu.core.policy.Policy;
import io.jiesu.core.rates.CentreFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The read side of the console's lists and figures, as CDI beans (apart from AwsBeans: the api alone reads them),
 * and the walk that brings tickets stored before the search indexes into them (the backfill-words function).
 */
@ApplicationScoped
public class ListBeans {
    @Produces
    @Singleton
    TicketLists ticketLists(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table,
                            @ConfigProperty(name = "jiesu.citizen-index-key") String citizenIndexKey) {
        return new TicketLists(dynamo, table, new PhoneHash(citizenIndexKey));
    }

    @Produces
    @Singleton
    WordBackfill wordBackfill(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table) {
        return new WordBackfill(dynamo, table);
    }

    @Produces
    @Singleton
    FigureItems figureItems(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table, Policy policy) {
        return new FigureItems(dynamo, table, new CentreFigures(policy.zone()));
    }
}
