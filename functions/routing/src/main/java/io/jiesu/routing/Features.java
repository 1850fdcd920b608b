package io.jiesu.routing;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a ticket into the named features the classifier weighs: character n-grams of the text (Chinese needs no
 * segmenter for these), optionally the words Lucene's smartcn segmenter finds, and the category, location and
 * channel intake recorded. Counts are damped (1 + ln tf) and the text's features scaled to unit length, so a long
 * letter does not outvote a short one by its length.
 *
 * @param maxCharN longest character n-gram (0 = none); all lengths from 1 up to it are used
 * @param words    whether smartcn words are features too
 * @param headline how many times a text's first line counts when more lines follow it and it is short enough to be a
 *                 subject ({@link #LONGEST_SUBJECT}): the subject of a message
 *                 (an import's subject and body, an agent's summary line) says in a few words what the body says in
 *                 many; 1 reads the text as it stands
 */
public record Features(int maxCharN, boolean words, int headline) {
    /** The weight of a subject line chosen by the figures in docs/decisions/0005-learned-router.md (fifth round). */
    public static final int HEADLINE = 8;
    /**
     * A first line longer than this is a paragraph, not a subject, and is not weighed: a subject is a phrase (the
     * development set's are 6 to 32 characters).
     */
    public static final int LONGEST_SUBJECT = 50;
    /** The feature set chosen by the figures in docs/decisions/0005-learned-router.md. */
    public static final Features CHOSEN = new Features(3, false, HEADLINE);

    /** smartcn's analyser is thread-safe (per-thread token streams); loading its dictionaries costs ~1 s once. */
    private static final class Segmenter {
        static final Analyzer ANALYZER = new SmartChineseAnalyzer();
    }

    /** A feature set that reads the text as it stands (no subject line weighed). */
    public Features(int maxCharN, boolean words) {
        this(maxCharN, words, 1);
    }

    public Features {
        if (headline < 1 || headline > 32) {
            throw new IllegalArgumentException("a subject line counts from 1 to 32 times, not " + headline);
        }
        if (maxCharN < 0 || maxCharN > 4) {
            throw new IllegalArgumentException("character n-grams from 0 to 4, not " + maxCharN);
        }
        if (maxCharN == 0 && !words) {
            throw new IllegalArgumentException("a feature set needs character n-grams or words");
        }
    }

    /**
     * "char1-2", "words", "words+char1-3", "char1-3+headline8": how the evaluation and the model's metadata name the
     * set. A model stored before subject lines were weighed names none, and reads its tickets as it was trained.
     */
    public String name() {
        String chars = maxCharN == 0 ? "" : maxCharN == 1 ? "char1" : "char1-" + maxCharN;
        String set = words ? (chars.isEmpty() ? "words" : "words+" + chars) : chars;
        return headline == 1 ? set : set + "+headline" + headline;
    }

    public static Features parse(String name) {
        boolean words = name.contains("words");
        int n = 0;
        int at = name.indexOf("char1");
        if (at >= 0) {
            String rest = name.substring(at + "char1".length());
            n = rest.startsWith("-") ? Integer.parseInt(rest.substring(1, 2)) : 1;
        }
        java.util.regex.Matcher h = java.util.regex.Pattern.compile("headline(\\d+)").matcher(name);
        return new Features(n, words, h.find() ? Integer.parseInt(h.group(1)) : 1);
    }

    /** The same set, with a subject line counting {@code times}. */
    public Features withHeadline(int times) {
        return new Features(maxCharN, words, times);
    }

    /**
     * A ticket's text as the router reads a subject (工单标题): the subject on its own first line, its whitespace made
     * one line, the body after it; without a subject, the body. Intake (the provincial title) and the import write it
     * so; {@link #headlined} reads it.
     */
    public static String withSubject(String subject, String body) {
        String b = body == null ? "" : body;
        if (subject == null || subject.isBlank()) {
            return b;
        }
        return subject.strip().replaceAll("\\s+", " ") + "\n" + b;
    }

    /** The text with its first line repeated to count {@link #headline} times, when it is a subject (above). */
    String headlined(String text) {
        int end = text.indexOf('\n');
        if (headline == 1 || end < 0) {
            return text;
        }
        String subject = text.substring(0, end).strip();
        if (subject.isEmpty() || subject.length() > LONGEST_SUBJECT || text.substring(end + 1).isBlank()) {
            return text;
        }
        // a line apart from the rest: no n-gram crosses a line break, so each copy counts its own grams
        return (subject + "\n").repeat(headline - 1) + text;
    }

    public Map<String, Double> of(TicketText ticket) {
        String text = normalise(headlined(ticket.text()));
        Map<String, Double> counts = new HashMap<>();
        if (maxCharN > 0) {
            charGrams(text, counts);
        }
        if (words) {
            words(text, counts);
        }
        double norm = 0;
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            double v = 1 + Math.log(e.getValue());
            e.setValue(v);
            norm += v * v;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            counts.replaceAll((k, v) -> v / length);
        }
        // what intake recorded is one strong feature each, beside the text's unit-length vector
        put(counts, "category=", ticket.category());
        put(counts, "location=", ticket.location());
        put(counts, "channel=", ticket.channel());
        return counts;
    }

    private static void put(Map<String, Double> features, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            features.put(prefix + value.strip(), 1.0);
        }
    }

    /**
     * Full-width to half-width, lower case, and every run of digits one "0": house numbers and dates say nothing
     * of which unit handles a matter, and would only grow the vocabulary.
     */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return s.replaceAll("\\d+", "0");
    }

    /** n-grams never cross punctuation or spaces: a gram spanning two clauses is noise. */
    private void charGrams(String text, Map<String, Double> counts) {
        int[] cps = text.codePoints().toArray();
        int start = 0;
        for (int i = 0; i <= cps.length; i++) {
            if (i == cps.length || !Character.isLetterOrDigit(cps[i])) {
                for (int n = 1; n <= maxCharN; n++) {
                    for (int j = start; j + n <= i; j++) {
                        counts.merge("c:" + new String(cps, j, n), 1.0, Double::sum);
                    }
                }
                start = i + 1;
            }
        }
    }

    /** Whether {@link #terms} codes every n-gram as a long (three code points at most: see {@link #gramCode}). */
    boolean codable() {
        return maxCharN <= 3;
    }

    /**
     * A ticket's text as {@link #of} counts it, without a string per n-gram: the grams' codes sorted (a gram's
     * count is the length of its run) and the words. Only for {@link #codable()} feature sets.
     */
    record Terms(long[] grams, List<String> words) {
    }

    Terms terms(TicketText ticket) {
        String text = normalise(headlined(ticket.text()));
        long[] grams = new long[0];
        if (maxCharN > 0) {
            int[] cps = text.codePoints().toArray();
            grams = new long[cps.length * maxCharN];
            int g = 0;
            int start = 0;
            for (int i = 0; i <= cps.length; i++) {
                if (i == cps.length || !Character.isLetterOrDigit(cps[i])) {
                    for (int n = 1; n <= maxCharN; n++) {
                        for (int j = start; j + n <= i; j++) {
                            grams[g++] = gramCode(cps, j, n);
                        }
                    }
                    start = i + 1;
                }
            }
            grams = Arrays.copyOf(grams, g);
            Arrays.sort(grams);
        }
        List<String> w = new ArrayList<>();
        if (words) {
            Map<String, Double> counts = new LinkedHashMap<>();
            words(text, counts);
            counts.forEach((k, v) -> {
                for (int i = 0; i < v; i++) {
                    w.add(k);
                }
            });
        }
        return new Terms(grams, w);
    }

    /**
     * Up to three code points in one long, each plus one in 21 bits (a code point is below 0x110000 < 2^21): a
     * 1-gram is below 2^21, a 2-gram below 2^42, a 3-gram above, so no two grams share a code and none is 0.
     */
    static long gramCode(int[] cps, int from, int n) {
        long code = 0;
        for (int k = 0; k < n; k++) {
            code = code << 21 | (cps[from + k] + 1L);
        }
        return code;
    }

    /** The feature's name, as {@link #of} names it ("c:" and the gram). */
    static String gramName(long code) {
        int[] cps = new int[3];
        int n = 0;
        for (int shift = 42; shift >= 0; shift -= 21) {
            long cp = (code >>> shift) & 0x1FFFFF;
            if (cp != 0) {
                cps[n++] = (int) cp - 1;
            }
        }
        return "c:" + new String(cps, 0, n);
    }

    private static void words(String text, Map<String, Double> counts) {
        try (TokenStream ts = Segmenter.ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                counts.merge("w:" + term, 1.0, Double::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
