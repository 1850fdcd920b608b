package io.jiesu.aws.knowledge;

import io.jiesu.core.knowledge.Articles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The knowledge base's stores: the articles and the city's synonyms (the api adds the search over them). */
@ApplicationScoped
public class KnowledgeBeans {

    @Produces
    @Singleton
    Articles articles(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table) {
        return new ArticleStore(dynamo, table);
    }

    @Produces
    @Singleton
    SynonymsStore synonyms(DynamoDbClient dynamo, @ConfigProperty(name = "jiesu.table") String table) {
        return new SynonymsStore(dynamo, table);
    }
}
