package io.jiesu.routing;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
public record RouterTrainer(Features features, Classifier classifier, long seed, int minCount,
                            int maxFeatures, Clock clock) {
    public static final long SEED = 20260501L;
    /**
     * Tribuo logs each training's label counts at INFO; a daily training needs no such line in the function's log.
     * Held here so the logger (and its level) is not collected.
     */
    private static final Logger TRIBUO_SGD = quiet("org.tribuo.common.sgd.AbstractSGDTrainer");
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The settings chosen by the figures in docs/decisions/0005-learned-router.md. */
    public static RouterTrainer chosen(Clock clock) {
        return new RouterTrainer(Features.CHOSEN, Classifier.CHOSEN, SEED, 2, 40_000, clock);
    }

    public RouterTrainer with(Features other) {
        return new RouterTrainer(other, classifier, seed, minCount, maxFeatures, clock);
    }

    public RouterTrainer with(Classifier other) {
        return new RouterTrainer(features, other, seed, minCount, maxFeatures, clock);
    }

    public RouterModel train(List<RoutingExample> examples) {
        Set<String> units = new TreeSet<>();
        examples.forEach(e -> units.add(e.unit()));
        if (units.size() < 2) {
            throw new IllegalArgumentException("a router needs examples of at least two units, had " + units);
        }
        List<Map<String, Double>> vectors = examples.stream().map(e -> features.of(e.ticket())).toList();
        Set<String> kept = vocabulary(vectors);
        List<Example<Label>> data = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            RoutingExample e = examples.get(i);
            Example<Label> ex = example(new Label(e.unit()), vectors.get(i), kept);
            ex.setWeight((float) e.weight());
            if (ex.size() > 0) {
                data.add(ex);
            }
        }
        Instant now = clock.instant();
        Model<Label> model = classifier.train(data, seed);
        String version = VERSION.format(now) + "-" + fingerprint(examples);
        return new RouterModel(new RouterModel.About(version, now, examples.size(), List.copyOf(units),
                features.name(), classifier.name(), kept.size()), model);
    }

    static Example<Label> example(Label label, Map<String, Double> vector, Set<String> kept) {
        List<String> names = new ArrayList<>(vector.size());
        List<Double> values = new ArrayList<>(vector.size());
        vector.forEach((k, v) -> {
            if (kept == null || kept.contains(k)) {
                names.add(k);
                values.add(v);
            }
        });
        return new ArrayExample<>(label, names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Intake's fields are always kept; text features by how many examples have them, ties by name. */
    private Set<String> vocabulary(List<Map<String, Double>> vectors) {
        Map<String, Integer> counts = new HashMap<>();
        vectors.forEach(v -> v.keySet().forEach(k -> counts.merge(k, 1, Integer::sum)));
        Set<String> kept = new HashSet<>();
        counts.keySet().stream().filter(k -> k.contains("=")).forEach(kept::add);
        counts.entrySet().stream()
                .filter(e -> !e.getKey().contains("=") && e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxFeatures)
                .forEach(e -> kept.add(e.getKey()));
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
