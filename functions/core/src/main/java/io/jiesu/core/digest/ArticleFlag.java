package io.jiesu.core.digest;

import io.jiesu.core.knowledge.Article;
import io.jiesu.core.knowledge.KnowledgePolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Locale;

/**
 * A knowledge-base article a unit head must look at (docs/domain.md, "Knowledge base and notices": upkeep is an
 * index units are assessed on): expired today, soon to expire, not reviewed for too long, or often marked unhelpful.
 * Named by id and question only.
 */
public record ArticleFlag(String articleId, String unitId, String question, List<Why> why, Instant validTo,
                          long helpful, long unhelpful) {
    public enum Why {
        EXPIRED("已过期", "expired"), EXPIRING("即将到期", "expiring soon"), STALE("久未复核", "not reviewed"),
        FAILING("常被标为无用", "often unhelpful");

        private final String chinese;
        private final String english;

        Why(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        public String words() {
            return chinese + " " + english;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ArticleFlag {
        why = List.copyOf(why);
    }

    /** Why the article is flagged at the instant, if it is: past validity (to expire), soon expiring, stale, failing. */
    public static Optional<ArticleFlag> of(Article a, KnowledgePolicy policy, Instant now) {
        List<Why> why = new ArrayList<>();
        if (policy.pastValidity(a, now)) {
            why.add(Why.EXPIRED);
        } else if (policy.expiringSoon(a, now)) {
            why.add(Why.EXPIRING);
        }
        if (policy.stale(a, now)) {
            why.add(Why.STALE);
        }
        if (policy.oftenFails(a)) {
            why.add(Why.FAILING);
        }
        if (why.isEmpty()) {
            return Optional.empty();
        }
        var v = a.published().orElse(a.latest());
        return Optional.of(new ArticleFlag(a.id(), a.unit(), v.content().question(), why, v.content().validTo(),
                a.helpful(), a.unhelpful()));
    }

    /** The reasons as the digest prints them. */
    public String reasons() {
        return String.join("；", why.stream().map(Why::words).toList());
    }
}
