package io.jiesu.api.knowledge;

import io.jiesu.api.validation.HasText;
import io.jiesu.api.validation.PlainText;
import io.jiesu.core.knowledge.ArticleContent;
import io.jiesu.core.knowledge.PolicyBasis;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** The knowledge base's request bodies, with their limits (the rules themselves are the domain's). */
public final class ArticleRequests {
    private ArticleRequests() {
    }

    /** A version of an article as a unit writes it; the policy basis as the document's name and number (文号). */
    public record ArticleRequest(
            @NotNull @HasText @Size(max = 500) @PlainText(multiline = true) String question,
            @Size(max = 30) List<@NotNull @HasText @Size(max = 500) @PlainText(multiline = true) String> variants,
            @NotNull @HasText @Size(max = 8000) @PlainText(multiline = true) String answer,
            @Size(max = 2000) @PlainText(multiline = true) String internalNote,
            @NotNull @HasText @Size(max = 200) @PlainText String basisDocument,
            @Size(max = 100) @PlainText String basisNumber,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @HasText @Size(max = 64) @PlainText String> matters,
            @Size(max = 20) List<@NotNull @HasText @Size(max = 64) @PlainText String> categories,
            @NotNull OffsetDateTime validFrom,
            OffsetDateTime validTo,
            Boolean citizensMaySee) {

        ArticleContent content() {
            return new ArticleContent(question.strip(), variants == null ? List.of() : variants.stream().map(String::strip).toList(),
                    answer.strip(), internalNote == null || internalNote.isBlank() ? null : internalNote.strip(),
                    new PolicyBasis(basisDocument.strip(), basisNumber == null || basisNumber.isBlank() ? null : basisNumber.strip()),
                    matters, categories == null ? List.of() : categories.stream().map(String::strip).toList(),
                    validFrom.toInstant(), validTo == null ? null : validTo.toInstant(),
                    citizensMaySee == null || citizensMaySee);
        }
    }

    public record ReasonRequest(@NotNull @HasText @Size(max = 1000) @PlainText(multiline = true) String reason) {
    }

    public record FeedbackRequest(@NotNull Boolean helpful) {
    }

    /** The city's synonyms, one group of words of equal meaning each (暖气, 供暖, 采暖). */
    public record SynonymsBody(@NotNull @Size(max = 2000) List<@NotNull @Size(min = 2, max = 20)
            List<@NotNull @HasText @Size(max = 20) @PlainText String>> groups) {
    }
}
