package io.jiesu.core.knowledge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.jiesu.core.knowledge.KnowledgeFixtures.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is flagged to the unit: not reviewed for too long, soon to expire, past validity, often failing. */
class StaleArticlesTest {
    private static final KnowledgePolicy POLICY = new KnowledgePolicy(Duration.ofDays(180), Duration.ofDays(14), 0.5, 4);

    @Test
    void anArticleNotReviewedForTheConfiguredTimeIsStale() {
        Article a = published();
        assertFalse(POLICY.stale(a, a.reviewedAt().plus(Duration.ofDays(179))));
        assertTrue(POLICY.stale(a, a.reviewedAt().plus(Duration.ofDays(180))));
        assertFalse(POLICY.stale(drafted(), AT.plus(Duration.ofDays(400))), "a draft answers no one, so is not stale");
    }

    @Test
    void anArticleWhoseValidityEndsWithinTheWindowIsExpiringSoon() {
        Article a = published();
        var end = a.published().orElseThrow().content().validTo();
        assertFalse(POLICY.expiringSoon(a, end.minus(Duration.ofDays(15))));
        assertTrue(POLICY.expiringSoon(a, end.minus(Duration.ofDays(14))));
        assertFalse(POLICY.expiringSoon(a, end), "at its end it is past validity, not soon expiring");
        assertTrue(POLICY.pastValidity(a, end));
        assertFalse(POLICY.pastValidity(a, end.minusSeconds(1)));
    }

    @Test
    void anArticleOftenMarkedUnhelpfulFailsOnlyOnceThereAreEnoughMarks() {
        Article a = published().marked(false).marked(false).marked(false);
        assertFalse(POLICY.oftenFails(a), "3 marks are too few to judge");
        assertTrue(POLICY.oftenFails(a.marked(true)), "3 of 4 unhelpful");
        assertFalse(POLICY.oftenFails(a.marked(true).marked(true).marked(true).marked(true)), "3 of 7 is under half");
    }
}
