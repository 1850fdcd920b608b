package io.jiesu.aws.knowledge;

import io.jiesu.core.knowledge.KnowledgePolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When the knowledge base flags an article to its unit, and how often the answer search catches up. */
@ConfigMapping(prefix = "jiesu.knowledge")
public interface KnowledgeConfig {
    /** An article not reviewed (published again) for this long is flagged to its unit as stale. */
    @WithDefault("P180D")
    Duration reviewAfter();

    /** An article whose validity ends within this is flagged as soon expiring. */
    @WithDefault("P14D")
    Duration expiringWithin();

    /** An article marked unhelpful in this share of its marks or more fails often ... */
    @WithDefault("0.5")
    double failingShare();

    /** ... once it has at least this many marks. */
    @WithDefault("10")
    long failingMinimum();

    /** How often each api instance catches up on the articles changed by the others (published, withdrawn, marked). */
    @WithDefault("PT30S")
    Duration catchUp();

    default KnowledgePolicy policy() {
        return new KnowledgePolicy(reviewAfter(), expiringWithin(), failingShare(), failingMinimum());
    }
}
