package io.jiesu.api.knowledge;

import io.jiesu.aws.catalogue.CatalogueStore;
import io.jiesu.aws.knowledge.KnowledgeBase;
import io.jiesu.aws.knowledge.KnowledgeConfig;
import io.jiesu.core.knowledge.Articles;
import io.jiesu.core.policy.Policy;
import io.jiesu.knowledge.LuceneAnswerIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * This api instance's answer search (LuceneAnswerIndex, in memory) and the knowledge base that keeps it in step.
 * Built at start from the answering articles (on Lambda: inside the SnapStart snapshot); then, since an instance on
 * Lambda is frozen between requests and no timer can be trusted to run, a request that reads the knowledge base first
 * catches up on what other instances changed, when the last catch-up is older than {@code jiesu.knowledge.catch-up}
 * (30 s): the articles changed since, and the city's synonyms when they changed.
 */
@ApplicationScoped
public class AnswerSearch {
    @Produces
    @Singleton
    LuceneAnswerIndex index() {
        return new LuceneAnswerIndex();
    }

    @Produces
    @Singleton
    KnowledgeBase knowledgeBase(Articles articles, CatalogueStore catalogue, LuceneAnswerIndex index,
                                KnowledgeConfig config, Policy policy, Clock clock) {
        return new KnowledgeBase(articles, catalogue, index, config.policy(), clock, policy.zone());
    }
}
