package io.jiesu.routing;

import io.jiesu.core.catalogue.RoutingCatalogue;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trains a router from the centre's history of dispatches. Deterministic: the same examples in the same order
 * with the same settings give the same weights (the seed fixes SGD's shuffling), so a model can be reproduced
 * from the history it names.
 *
 * @param minCount    a text feature must occur in at least this many examples to be kept (rarer ones are noise
 *                    and would only grow the model)
 * @param maxFeatures at most this many text features, the most frequent: bounds the model's size
 */
public record RouterTrainer(Features features, Classifier classifier, Tuning tuning, long seed, int minCount,
                            int maxFeatures, Clock clock) {
    public static final long SEED = 20260501L;
    /** A catalogue keyword weighs as much as a dispatcher's kept choice. */
    public static final double CATALOGUE_LESSON = 1.0;
    /**
     * Tribuo logs each training's label counts at INFO; a daily training needs no such line in the function's log.
     * Held here so the logger (and its level) is not collected.
     */
    private static final Logger TRIBUO_SGD = quiet("org.tribuo.common.sgd.AbstractSGDTrainer");
    /** Tickets turned into features at once: enough to keep every core busy, few enough to stay small. */
    private static final int CHUNK = 4096;
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * From this many lessons on, the chosen settings train on {@link #LARGE_FEATURES} with
     * {@link #LARGE_CLASSIFIER} (docs/decisions/0005-learned-router.md, third round): on 100,000 tickets the
     * 3-grams and one problem per unit cost minutes, and a history that large has the examples that make 2-grams
     * enough.
     */
    public static final int LARGE_HISTORY = 20_000;
    public static final Features LARGE_FEATURES = new Features(2, false, Features.HEADLINE);
    public static final Classifier LARGE_CLASSIFIER = Classifier.LIBLINEAR_MULTICLASS_SVM;

    /** The settings chosen by the figures in docs/decisions/0005-learned-router.md. */
    public static RouterTrainer chosen(Clock clock) {
        return new RouterTrainer(Features.CHOSEN, Classifier.CHOSEN, Tuning.CHOSEN, SEED, 2, 40_000, clock);
    }

    public RouterTrainer with(Features other) {
        return new RouterTrainer(other, classifier, tuning, seed, minCount, maxFeatures, clock);
    }

    public RouterTrainer with(Classifier other) {
        return new RouterTrainer(features, other, tuning, seed, minCount, maxFeatures, clock);
    }

    public RouterTrainer with(Tuning other) {
        return new RouterTrainer(features, classifier, other, seed, minCount, maxFeatures, clock);
    }

    /**
     * Trains on the history and on the catalogue's keywords as lessons ({@link CatalogueLessons}) of the units the
     * history knows, each weighing {@link #CATALOGUE_LESSON} (chosen by the figures in
     * docs/decisions/0005-learned-router.md).
     */
    public RouterModel train(List<RoutingExample> history, RoutingCatalogue catalogue) {
        return train(withCatalogue(history, catalogue));
    }

    /** The catalogue's keywords as lessons of the units the history knows, then the history. */
    public static List<RoutingExample> withCatalogue(List<RoutingExample> history, RoutingCatalogue catalogue) {
        Set<String> units = new TreeSet<>();
        history.forEach(e -> units.add(e.unit()));
        List<RoutingExample> all = new ArrayList<>(CatalogueLessons.of(catalogue, units, CATALOGUE_LESSON));
        all.addAll(history);
        return all;
    }

    public RouterModel train(List<RoutingExample> examples) {
        RouterTrainer trainer = forLessons(examples.size());
        if (trainer != this) {
            return trainer.train(examples);
        }
        Set<String> units = new TreeSet<>();
        examples.forEach(e -> units.add(e.unit()));
        if (units.size() < 2) {
            throw new IllegalArgumentException("a router needs examples of at least two units, had " + units);
        }
        Instant now = clock.instant();
        Model<Label> model;
        int featureCount;
        if (classifier.liblinear() && !tuning.idf() && features.codable()) {
            PrebuiltHistory history = PrebuiltHistory.of(examples, features, minCount, maxFeatures);
            model = classifier.train(history, seed, tuning);
            featureCount = history.featureCount();
        } else {
            Map<String, String> kept = vocabulary(examples);
            model = classifier.train(examples(examples, kept), seed, tuning);
            featureCount = kept.size();
        }
        String version = VERSION.format(now) + "-" + fingerprint(examples);
        return new RouterModel(new RouterModel.About(version, now, examples.size(), List.copyOf(units),
                features.name(), classifier.name(), featureCount, tuning.temperature(), tuning.confidence(), null), model);
    }

    /**
     * The trainer that trains this many lessons: the chosen settings switch to {@link #LARGE_FEATURES} and
     * {@link #LARGE_CLASSIFIER} from {@link #LARGE_HISTORY} lessons on; any other settings train as they are.
     */
    public RouterTrainer forLessons(int lessons) {
        if (lessons >= LARGE_HISTORY && features.equals(Features.CHOSEN) && classifier == Classifier.CHOSEN) {
            return with(LARGE_FEATURES).with(LARGE_CLASSIFIER);
        }
        return this;
    }

    /** A ticket's example over the kept features (all of them when {@code kept} is null). */
    static Example<Label> example(Label label, Map<String, Double> vector, Map<String, String> kept) {
        String[] names = new String[vector.size()];
        double[] values = new double[vector.size()];
        int n = 0;
        for (Map.Entry<String, Double> f : vector.entrySet()) {
            // the vocabulary's own instance of the name: a large history holds each name once, not once a ticket
            String name = kept == null ? f.getKey() : kept.get(f.getKey());
            if (name != null) {
                names[n] = name;
                values[n++] = f.getValue();
            }
        }
        return new ArrayExample<>(label, Arrays.copyOf(names, n), Arrays.copyOf(values, n));
    }

    /**
     * Pass two: each ticket's example over the kept features. Tickets are turned into features a chunk at a time
     * on every core; the examples come out in the history's order, whichever thread built them.
     */
    private List<Example<Label>> examples(List<RoutingExample> examples, Map<String, String> kept) {
        List<Example<Label>> data = new ArrayList<>(examples.size());
        for (int from = 0; from < examples.size(); from += CHUNK) {
            examples.subList(from, Math.min(examples.size(), from + CHUNK)).parallelStream().map(e -> {
                Example<Label> ex = example(new Label(e.unit()), features.of(e.ticket()), kept);
                ex.setWeight((float) e.weight());
                return ex;
            }).filter(ex -> ex.size() > 0).forEachOrdered(data::add);
        }
        return data;
    }

    /**
     * Pass one: in how many tickets each feature occurs. Intake's fields are always kept; text features by how
     * many tickets have them, ties by name. The features of a large history are never all held at once: they are
     * counted a chunk of tickets at a time and built again in pass two, which costs less than holding them.
     *
     * @return each kept name to itself (the one instance the examples share)
     */
    private Map<String, String> vocabulary(List<RoutingExample> examples) {
        Map<String, Integer> counts = new HashMap<>();
        for (int from = 0; from < examples.size(); from += CHUNK) {
            examples.subList(from, Math.min(examples.size(), from + CHUNK)).parallelStream()
                    .map(e -> features.of(e.ticket()).keySet())
                    .toList()
                    .forEach(names -> names.forEach(k -> counts.merge(k, 1, Integer::sum)));
        }
        Map<String, String> kept = new HashMap<>();
        counts.keySet().stream().filter(k -> k.contains("=")).forEach(k -> kept.put(k, k));
        counts.entrySet().stream()
                .filter(e -> !e.getKey().contains("=") && e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxFeatures)
                .forEach(e -> kept.put(e.getKey(), e.getKey()));
        return kept;
    }

    /** A short hash of the history a model was trained on: two models with the same one saw the same lessons. */
    private static String fingerprint(List<RoutingExample> examples) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RoutingExample e : examples) {
                TicketText t = e.ticket();
                sha.update((t.text() + '\u0001' + t.category() + '\u0001' + t.location() + '\u0001' + t.channel()
                        + '\u0001' + e.unit() + '\u0001' + e.weight() + '\u0002').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    static Comparator<Suggestion> byConfidence() {
        return Comparator.comparingDouble(Suggestion::confidence).reversed().thenComparing(Suggestion::unit);
    }
}
