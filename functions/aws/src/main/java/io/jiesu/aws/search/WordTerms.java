package io.jiesu.aws.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The terms of the word index: every two characters side by side within a run of text (character bigrams),
 * lower case. Chinese has no spaces between words, so no cut into words is safe for whatever a caller typed;
 * a bigram is: any word of two characters or more that occurs in the content has each of its bigrams among the
 * content's terms. The terms only find the candidates: each is then checked for the words themselves, as
 * written (as {@link SearchKeys#words} and the filter always did), so a word means exactly what it meant before.
 */
public final class WordTerms {
    private WordTerms() {
    }

    /** The distinct terms of a text (content, or one word a search asks for); none for a single character. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        int[] cps = text.toLowerCase(Locale.ROOT).codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (!Character.isWhitespace(cps[i]) && !Character.isWhitespace(cps[i + 1])
                    && !Character.isSpaceChar(cps[i]) && !Character.isSpaceChar(cps[i + 1])) {
                terms.add(new String(cps, i, 2));
            }
        }
        return terms;
    }
}
