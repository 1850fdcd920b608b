package io.jiesu.knowledge;

import io.jiesu.core.knowledge.SearchableArticle;

import java.time.Instant;
import java.util.List;

/** Articles for the tests: valid from 2020, reviewed at NOW, no marks, unless a test says otherwise. */
final class Articles {
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private Articles() {
    }

    static SearchableArticle article(String id, String question, String answer) {
        return new SearchableArticle(id, 1, question, List.of(), answer, "", List.of("M-" + id), List.of("consultation"),
                "unit-1", LONG_AGO, null, NOW, 0, 0);
    }

    static SearchableArticle version(SearchableArticle a, int version, String question) {
        return new SearchableArticle(a.articleId(), version, question, a.variants(), a.answer(), a.basis(), a.matters(),
                a.categories(), a.unit(), a.validFrom(), a.validTo(), a.reviewedAt(), a.helpful(), a.unhelpful());
    }

    static SearchableArticle valid(SearchableArticle a, Instant from, Instant to) {
        return new SearchableArticle(a.articleId(), a.version(), a.question(), a.variants(), a.answer(), a.basis(),
                a.matters(), a.categories(), a.unit(), from, to, a.reviewedAt(), a.helpful(), a.unhelpful());
    }

    static SearchableArticle marked(SearchableArticle a, long helpful, long unhelpful) {
        return new SearchableArticle(a.articleId(), a.version(), a.question(), a.variants(), a.answer(), a.basis(),
                a.matters(), a.categories(), a.unit(), a.validFrom(), a.validTo(), a.reviewedAt(), helpful, unhelpful);
    }

    static SearchableArticle reviewed(SearchableArticle a, Instant reviewedAt) {
        return new SearchableArticle(a.articleId(), a.version(), a.question(), a.variants(), a.answer(), a.basis(),
                a.matters(), a.categories(), a.unit(), a.validFrom(), a.validTo(), reviewedAt, a.helpful(),
                a.unhelpful());
    }

    static SearchableArticle inCategory(SearchableArticle a, String category) {
        return new SearchableArticle(a.articleId(), a.version(), a.question(), a.variants(), a.answer(), a.basis(),
                a.matters(), List.of(category), a.unit(), a.validFrom(), a.validTo(), a.reviewedAt(), a.helpful(),
                a.unhelpful());
    }

    static SearchableArticle withVariants(SearchableArticle a, String... variants) {
        return new SearchableArticle(a.articleId(), a.version(), a.question(), List.of(variants), a.answer(),
                a.basis(), a.matters(), a.categories(), a.unit(), a.validFrom(), a.validTo(), a.reviewedAt(),
                a.helpful(), a.unhelpful());
    }
}
