package io.jiesu.core.knowledge;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A search for answers: the caller's words as the agent types them (or as a citizen writes them online), optionally
 * narrowed to a category, for the answers valid at an instant.
 */
public record AnswerQuery(String words, Optional<String> category, int limit, Instant at) {
    public AnswerQuery {
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(at, "at");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
