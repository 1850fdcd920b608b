package io.jiesu.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The city's synonyms: groups of words callers use for the same thing (暖气, 供暖, 采暖). Written one group per line,
 * comma-separated (ASCII or full-width comma), {@code #} starts a comment. They are applied to the caller's words when
 * searching, never to the articles when indexing, so a city edits them without rebuilding the index.
 */
public final class Synonyms {
    private static final String DEFAULTS = "synonyms.txt";

    private final List<List<String>> groups;

    private Synonyms(List<List<String>> groups) {
        this.groups = groups.stream().map(List::copyOf).toList();
    }

    /** No synonyms at all: the caller's words are searched as they are. */
    public static Synonyms none() {
        return new Synonyms(List.of());
    }

    /** The list shipped with Jiesu: the hotline's common pairs (heating, gas, housing fund, social insurance…). */
    public static Synonyms defaults() {
        try (InputStream in = Synonyms.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the default synonyms " + DEFAULTS + " are missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a city's list. Refuses, naming the line, a group of fewer than two words, an empty word, a word with
     * spaces or without any letter, and the one-way rule syntax ({@code =>}) this list does not offer.
     */
    public static Synonyms parse(String text) {
        List<List<String>> groups = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            groups.add(group(line, i + 1));
        }
        return new Synonyms(groups);
    }

    private static List<String> group(String line, int number) {
        if (line.contains("=>")) {
            throw refused(number, "one-way rules (=>) are not offered; list words of equal meaning");
        }
        Set<String> words = new LinkedHashSet<>();
        for (String raw : line.split("[,，、]", -1)) {
            String word = raw.strip();
            if (word.isEmpty()) {
                throw refused(number, "an empty word (two commas in a row, or a comma at an end)");
            }
            if (word.chars().anyMatch(Character::isWhitespace)) {
                throw refused(number, "the word \"" + word + "\" has a space in it; separate words by commas");
            }
            if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw refused(number, "\"" + word + "\" has no letter or digit in it");
            }
            words.add(word);
        }
        if (words.size() < 2) {
            throw refused(number, "a group needs at least two different words");
        }
        return List.copyOf(words);
    }

    private static IllegalArgumentException refused(int line, String why) {
        return new IllegalArgumentException("synonyms line " + line + ": " + why);
    }

    /** The groups, in the order written. */
    public List<List<String>> groups() {
        return groups;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
