package io.jiesu.api.knowledge;

import io.jiesu.aws.knowledge.KnowledgeBase;
import io.jiesu.aws.knowledge.KnowledgeConfig;
import io.jiesu.aws.knowledge.SynonymsStore;
import io.jiesu.knowledge.LuceneAnswerIndex;
import io.jiesu.knowledge.Synonyms;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps this instance's answer search in step with the others (see {@link AnswerSearch}): built at start, caught up
 * by the first request after {@code jiesu.knowledge.catch-up}; one catch-up at a time.
 */
@Singleton
public class AnswerFreshness {
    private static final Logger LOG = Logger.getLogger(AnswerFreshness.class);

    private final KnowledgeBase knowledge;
    private final LuceneAnswerIndex index;
    private final SynonymsStore synonyms;
    private final KnowledgeConfig config;
    private final Clock clock;
    private Instant last;
    private Instant synonymsAt;

    AnswerFreshness(KnowledgeBase knowledge, LuceneAnswerIndex index, SynonymsStore synonyms, KnowledgeConfig config,
                    Clock clock) {
        this.knowledge = knowledge;
        this.index = index;
        this.synonyms = synonyms;
        this.config = config;
        this.clock = clock;
    }

    void buildAtStart(@Observes StartupEvent started) {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // the first request that reads the knowledge base builds it instead
            LOG.warnf("answer search not built at start: %s", e.getClass().getSimpleName());
        }
    }

    /** Catches up when the last catch-up is older than the configured interval. */
    public synchronized void ensure() {
        if (last == null || !clock.instant().isBefore(last.plus(config.catchUp()))) {
            catchUp();
        }
    }

    /** The synonyms were changed here: take them in now. */
    public synchronized void synonymsChanged() {
        readSynonyms();
    }

    private void catchUp() {
        Instant started = clock.instant();
        knowledge.catchUp();
        readSynonyms();
        last = started;
    }

    private void readSynonyms() {
        Optional<SynonymsStore.Stored> stored = synonyms.current();
        if (stored.isPresent() && !stored.get().changedAt().equals(synonymsAt)) {
            index.synonyms(Synonyms.parse(stored.get().text()));
            synonymsAt = stored.get().changedAt();
        }
    }
}
