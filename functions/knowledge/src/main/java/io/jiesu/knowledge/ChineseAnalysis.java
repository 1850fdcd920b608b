package io.jiesu.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * How the search reads Chinese: smartcn's segmenter cuts the text into words (停车场 is one word, so a search for 车场
 * does not find it), letters are lower-cased, and the filler words callers say around a question (请问, 一下, 怎么…) are
 * dropped. The caller's words also go through the city's synonyms; the articles never do, so synonyms are edited
 * without reindexing.
 */
final class ChineseAnalysis {
    private static final CharArraySet STOPWORDS = stopwords();

    private ChineseAnalysis() {
    }

    /** Full-width letters and digits to their ASCII forms (ＡＢＣ１２３ → ABC123), as callers type both. */
    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** The analyser of the articles' text. */
    static Analyzer forArticles() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer words = new HMMChineseTokenizer();
                return new TokenStreamComponents(words, new StopFilter(new LowerCaseFilter(words), STOPWORDS));
            }
        };
    }

    /**
     * The analyser of the caller's words: the synonyms come before the filler words are dropped, so a synonym may
     * itself hold one of them.
     */
    static Analyzer forQueries(Synonyms synonyms) {
        SynonymMap map = map(synonyms);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer words = new HMMChineseTokenizer();
                TokenStream stream = new LowerCaseFilter(words);
                if (map != null) {
                    stream = new SynonymGraphFilter(stream, map, true);
                }
                return new TokenStreamComponents(words, new StopFilter(stream, STOPWORDS));
            }
        };
    }

    /** Each group's words, segmented as the text around them will be, all made equivalent to each other. */
    private static SynonymMap map(Synonyms synonyms) {
        if (synonyms.isEmpty()) {
            return null;
        }
        Analyzer plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer words = new HMMChineseTokenizer();
                return new TokenStreamComponents(words, new LowerCaseFilter(words));
            }
        };
        try (plain) {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (var group : synonyms.groups()) {
                CharsRef[] words = new CharsRef[group.size()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = segmented(plain, group.get(i));
                }
                for (CharsRef from : words) {
                    for (CharsRef to : words) {
                        if (from != to) {
                            builder.add(from, to, true);
                        }
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The word as the segmenter cuts it, its parts joined the way the synonym map expects. */
    private static CharsRef segmented(Analyzer plain, String word) throws IOException {
        CharsRefBuilder joined = new CharsRefBuilder();
        try (TokenStream stream = plain.tokenStream("synonym", normalise(word))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (joined.length() > 0) {
                    joined.append(SynonymMap.WORD_SEPARATOR);
                }
                joined.append(term.buffer(), 0, term.length());
            }
            stream.end();
        }
        return joined.get();
    }

    private static CharArraySet stopwords() {
        CharArraySet set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        try (InputStream in = ChineseAnalysis.class.getResourceAsStream("stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords.txt is missing from the jar");
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(set::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
