package io.jiesu.knowledge.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiesu.core.knowledge.SearchableArticle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A set of question-answer pairs: each an article (question, answer, policy basis) and the ways callers ask for it,
 * in their own words. The format of functions/knowledge/qa/policy-qa.json.
 */
record QaPairs(String about, List<Pair> pairs) {
    record Pair(String id, String category, String question, List<String> asks, String answer, String basis,
                String number) {
        /** The pair as a published article; the callers' words are not its variants, they are what is tested. */
        SearchableArticle article(Instant now) {
            String cited = number == null || number.isBlank() ? basis : basis + "（" + number + "）";
            return new SearchableArticle(id, 1, question, List.of(), answer, cited, List.of(id), List.of(category),
                    "qa", Instant.parse("2020-01-01T00:00:00Z"), null, now, 0, 0);
        }
    }

    static QaPairs read(Path file) throws IOException {
        QaPairs set = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(file.toFile(), QaPairs.class);
        for (int i = 0; i < set.pairs().size(); i++) {
            Pair pair = set.pairs().get(i);
            if (pair.id() == null || pair.question() == null || pair.answer() == null || pair.asks() == null
                    || pair.asks().isEmpty()) {
                throw new IllegalArgumentException(file + ": pair " + (i + 1)
                        + " needs an id, a question, an answer and at least one ask");
            }
        }
        return set;
    }
}
