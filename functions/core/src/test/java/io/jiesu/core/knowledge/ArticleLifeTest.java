package io.jiesu.core.knowledge;

import org.junit.jupiter.api.Test;

import static io.jiesu.core.knowledge.ArticleStatus.*;
import static io.jiesu.core.knowledge.KnowledgeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Draft → in review → published → expired, every version kept, and the published one answering meanwhile. */
class ArticleLifeTest {

    @Test
    void aUnitDraftsAnArticleOfItsMatterAndOwnsIt() {
        Article a = drafted();
        assertEquals("heating-company", a.unit());
        assertEquals(DRAFT, a.status());
        assertEquals(1, a.latest().number());
        assertEquals(HEATING, a.latest().author());
        assertTrue(a.published().isEmpty());
        assertTrue(a.searchable().isEmpty(), "a draft answers no one");
    }

    @Test
    void theCentrePublishesWhatTheUnitSentForReview() {
        Article a = drafted().submitForReview(HEATING_HEAD, AT.plusSeconds(60));
        assertEquals(IN_REVIEW, a.status());
        Article p = a.publish(ADMIN, AT.plusSeconds(120));
        assertEquals(PUBLISHED, p.status());
        assertEquals(AT.plusSeconds(120), p.reviewedAt());
        assertEquals(3, p.revision());
        SearchableArticle s = p.searchable().orElseThrow();
        assertEquals(1, s.version());
        assertEquals("北京市供热采暖管理办法（北京市人民政府令第216号）", s.basis());
    }

    @Test
    void aRevisionKeepsThePublishedVersionAnsweringUntilTheNewOneIsPublished() {
        Article revised = published().revise(heating("每年11月15日开始，遇寒潮可提前。"), HEATING, AT.plusSeconds(180), CATALOGUE);
        assertEquals(DRAFT, revised.status());
        assertEquals(2, revised.versions().size());
        assertEquals(1, revised.searchable().orElseThrow().version(), "version 1 still answers");
        Article sent = revised.submitForReview(HEATING, AT.plusSeconds(240));
        assertEquals(1, sent.searchable().orElseThrow().version(), "still version 1 while in review");

        Article republished = sent.publish(DISPATCHER, AT.plusSeconds(300));
        assertEquals(2, republished.searchable().orElseThrow().version());
        assertEquals(SUPERSEDED, republished.version(1).orElseThrow().status());
        assertEquals("每年11月15日开始供暖。", republished.version(1).orElseThrow().content().answer(), "kept as written");
    }

    @Test
    void aDraftOverADraftKeepsTheOlderOneAsWritten() {
        Article a = drafted().revise(heating("第二稿"), HEATING, AT.plusSeconds(10), CATALOGUE);
        assertEquals(2, a.versions().size());
        assertEquals(DISCARDED, a.version(1).orElseThrow().status(), "never published: not superseded");
        assertEquals(DRAFT, a.latest().status());
    }

    @Test
    void theCentreSendsADraftBackWithAReasonAndThePublishedOneStillAnswers() {
        Article sent = published().revise(heating("新答案"), HEATING, AT.plusSeconds(180), CATALOGUE)
                .submitForReview(HEATING, AT.plusSeconds(200));
        Article back = sent.reject("政策依据已废止，请更新", DISPATCHER, AT.plusSeconds(300));
        assertEquals(DRAFT, back.status());
        assertEquals("政策依据已废止，请更新", back.latest().note());
        assertEquals(1, back.searchable().orElseThrow().version());
        // the unit corrects it and sends it again
        assertEquals(IN_REVIEW, back.submitForReview(HEATING, AT.plusSeconds(400)).status());
    }

    @Test
    void aWithdrawnArticleDropsOutOfTheAnswersWithItsReason() {
        Article w = published().withdraw("政策调整", HEATING, AT.plusSeconds(200));
        assertEquals(EXPIRED, w.status());
        assertTrue(w.searchable().isEmpty());
        assertEquals("withdrawn: 政策调整", w.latest().note());
        assertEquals(EXPIRED, published().withdraw("重复条目", ADMIN, AT.plusSeconds(200)).status(), "the centre too");
    }

    @Test
    void anArticlePastItsValidityExpires() {
        Article p = published();
        Article e = p.expire(p.published().orElseThrow().content().validTo());
        assertEquals(EXPIRED, e.status());
        assertEquals("validity ended", e.latest().note());
        assertTrue(e.searchable().isEmpty());
    }

    @Test
    void anExpiredArticleCanBeRevivedByANewVersion() {
        Article e = published().withdraw("过期", HEATING, AT.plusSeconds(200));
        Article again = e.revise(heating("新一季的答案"), HEATING, AT.plusSeconds(300), CATALOGUE);
        assertEquals(DRAFT, again.status());
        assertEquals(EXPIRED, again.version(1).orElseThrow().status());
    }

    @Test
    void marksCountOnThePublishedArticle() {
        Article a = published().marked(true).marked(false).marked(false);
        assertEquals(1, a.helpful());
        assertEquals(2, a.unhelpful());
        assertEquals(2, a.searchable().orElseThrow().unhelpful());
    }
}
