package io.jiesu.core.knowledge;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.jiesu.core.knowledge.KnowledgeFixtures.*;
import static io.jiesu.core.Refusal.Reason.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every step the knowledge base's rules refuse, with the rule the refusal names. */
class ArticleRefusalsTest {

    private static ArticleContent with(String question, String answer, PolicyBasis basis, List<String> matters) {
        ArticleContent h = heating("x");
        return new ArticleContent(question, h.variants(), answer, null, basis, matters, h.categories(),
                h.validFrom(), h.validTo(), true);
    }

    private static void invalid(String field, org.junit.jupiter.api.function.Executable step) {
        Refusal r = refused(step);
        assertEquals(INVALID, r.reason());
        assertEquals(field, r.field());
    }

    @Test
    void anArticleNeedsAQuestionAnAnswerABasisAndAMatter() {
        PolicyBasis basis = heating("x").basis();
        invalid("question", () -> Article.draft("K", with(" ", "答", basis, List.of("heating")), HEATING, AT, CATALOGUE));
        invalid("answer", () -> Article.draft("K", with("问", "", basis, List.of("heating")), HEATING, AT, CATALOGUE));
        invalid("basisDocument", () -> Article.draft("K", with("问", "答", null, List.of("heating")), HEATING, AT, CATALOGUE));
        invalid("basisDocument", () -> Article.draft("K", with("问", "答", new PolicyBasis(" ", "1号"), List.of("heating")), HEATING, AT, CATALOGUE));
        invalid("matters", () -> Article.draft("K", with("问", "答", basis, List.of()), HEATING, AT, CATALOGUE));
        invalid("matters", () -> Article.draft("K", with("问", "答", basis, List.of("no-such")), HEATING, AT, CATALOGUE));
    }

    @Test
    void validityMustStartAndEndAfterItStarts() {
        ArticleContent h = heating("答");
        invalid("validFrom", () -> Article.draft("K", new ArticleContent(h.question(), h.variants(), h.answer(), null,
                h.basis(), h.matters(), h.categories(), null, null, true), HEATING, AT, CATALOGUE));
        invalid("validTo", () -> Article.draft("K", new ArticleContent(h.question(), h.variants(), h.answer(), null,
                h.basis(), h.matters(), h.categories(), AT, AT, true), HEATING, AT, CATALOGUE));
        invalid("variants", () -> Article.draft("K", new ArticleContent(h.question(), List.of(""), h.answer(), null,
                h.basis(), h.matters(), h.categories(), AT, null, true), HEATING, AT, CATALOGUE));
    }

    @Test
    void aUnitWritesOnlyAboutTheMattersItLeads() {
        assertEquals(NOT_YOUR_ARTICLE, refused(() -> Article.draft("K", heating("答"), WATER, AT, CATALOGUE)).reason());
        assertEquals(NOT_YOUR_ARTICLE, refused(() -> Article.draft("K", heating("答"), DISPATCHER, AT, CATALOGUE)).reason());
    }

    @Test
    void onlyTheOwningUnitUpdatesSendsForReview() {
        Article a = drafted();
        assertEquals(NOT_YOUR_ARTICLE, refused(() -> a.revise(heating("答"), WATER, AT, CATALOGUE)).reason());
        assertEquals(NOT_YOUR_ARTICLE, refused(() -> a.submitForReview(WATER, AT)).reason());
        assertEquals(NOT_YOUR_ARTICLE, refused(() -> a.submitForReview(ADMIN, AT)).reason());
        assertEquals(NOT_YOUR_ARTICLE, refused(() -> published().withdraw("因为", WATER, AT)).reason());
        assertEquals(NOT_YOUR_ARTICLE, refused(() -> published().withdraw("因为", AGENT, AT)).reason());
    }

    @Test
    void onlyTheHotlineCentreReviewsAndPublishes() {
        Article sent = drafted().submitForReview(HEATING, AT);
        assertEquals(NOT_CENTRE, refused(() -> sent.publish(HEATING_HEAD, AT)).reason());
        assertEquals(NOT_CENTRE, refused(() -> sent.publish(SUPERVISOR, AT)).reason());
        assertEquals(NOT_CENTRE, refused(() -> sent.reject("不行", AGENT, AT)).reason());
    }

    @Test
    void stepsFromTheWrongStatusAreConflicts() {
        Article draft = drafted();
        assertEquals(WRONG_STATUS, refused(() -> draft.publish(DISPATCHER, AT)).reason());
        assertEquals(WRONG_STATUS, refused(() -> draft.reject("不行", DISPATCHER, AT)).reason());
        assertEquals(WRONG_STATUS, refused(() -> draft.withdraw("不要了", HEATING, AT)).reason());
        assertEquals(WRONG_STATUS, refused(() -> draft.marked(true)).reason());
        assertEquals(WRONG_STATUS, refused(() -> draft.expire(AT)).reason());
        Article sent = draft.submitForReview(HEATING, AT);
        assertEquals(WRONG_STATUS, refused(() -> sent.submitForReview(HEATING, AT)).reason());
        assertEquals(WRONG_STATUS, refused(() -> sent.revise(heating("改"), HEATING, AT, CATALOGUE)).reason(),
                "while the centre reviews it the unit waits");
        assertEquals(WRONG_STATUS, refused(() -> published().submitForReview(HEATING, AT)).reason());
    }

    @Test
    void reasonsAreRequired() {
        Article sent = drafted().submitForReview(HEATING, AT);
        invalid("reason", () -> sent.reject(" ", DISPATCHER, AT));
        invalid("reason", () -> published().withdraw("", HEATING, AT));
    }

    @Test
    void aVersionWhoseValidityEndedIsNotPublishedAndAValidOneDoesNotExpire() {
        Article sent = drafted().submitForReview(HEATING, AT);
        invalid("validTo", () -> sent.publish(DISPATCHER, AT.plus(Duration.ofDays(151))));
        invalid("validTo", () -> published().expire(AT.plus(Duration.ofDays(10))));
    }
}
