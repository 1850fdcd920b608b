package io.jiesu.routing;

import de.bwaldvogel.liblinear.FeatureNode;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.MutableLabelInfo;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A history already in LIBLINEAR's form, for Tribuo's LIBLINEAR trainer ({@link OneVsRestLibLinear} takes its rows
 * as they are). Tribuo's own way, an {@code Example} of named features per ticket added to a
 * {@code MutableDataset}, keeps statistics of every feature of every ticket and looks every name up again when it
 * hands the rows over; on 100,000 tickets that and the strings cost more than the solver. Here the n-grams are
 * counted as primitive codes in one table ({@link GramCounts}), the kept ones get Tribuo's feature ids once, and
 * each ticket becomes its row directly. The feature values are exactly {@link Features#of}'s (damped counts over
 * the text's unit length, intake's fields 1), so the model predicts from {@code Features.of} as before; a test
 * holds the two ways to the same model.
 * <p>
 * The dataset itself holds no Tribuo example: it carries the feature map, the units and the rows.
 */
final class PrebuiltHistory extends ImmutableDataset<Label> {
    /** Tickets turned into terms at once: enough to keep every core busy, few enough to stay small. */
    private static final int CHUNK = 4096;

    private final transient FeatureNode[][] rows;
    private final transient double[] units;
    private final transient Map<String, Double> weightSums;

    private PrebuiltHistory(ImmutableFeatureMap features, org.tribuo.ImmutableOutputInfo<Label> info,
                            FeatureNode[][] rows, double[] units, Map<String, Double> weightSums) {
        super(new SimpleDataSourceProvenance("dispatch history", new LabelFactory()), new LabelFactory(), features,
                info);
        this.rows = rows;
        this.units = units;
        this.weightSums = weightSums;
    }

    FeatureNode[][] rows() {
        return rows;
    }

    double[] unitIds() {
        return units;
    }

    /** Each unit's lessons' summed weight (for balanced training). */
    Map<String, Double> weightSums() {
        return weightSums;
    }

    int featureCount() {
        return getFeatureIDMap().size();
    }

    static PrebuiltHistory of(List<RoutingExample> examples, Features features, int minCount, int maxFeatures) {
        if (!features.codable()) {
            throw new IllegalArgumentException(features.name() + " has n-grams longer than a code holds");
        }
        // pass one: in how many tickets each term occurs
        GramCounts gramTickets = new GramCounts(1 << 16);
        Map<String, Integer> otherTickets = new HashMap<>();
        chunks(examples, e -> features.terms(e.ticket()), (e, terms) -> {
            long[] g = terms.grams();
            for (int i = 0; i < g.length; i++) {
                if (i == 0 || g[i] != g[i - 1]) {
                    gramTickets.add(g[i], 1);
                }
            }
            terms.words().stream().distinct().forEach(w -> otherTickets.merge(w, 1, Integer::sum));
            intake(e.ticket()).forEach(k -> otherTickets.merge(k, 1, Integer::sum));
        });
        List<String> kept = kept(gramTickets, otherTickets, minCount, maxFeatures);

        MutableFeatureMap mutable = new MutableFeatureMap();
        kept.forEach(name -> mutable.add(name, 1.0));
        ImmutableFeatureMap ids = new ImmutableFeatureMap(mutable);
        GramCounts gramIds = new GramCounts(kept.size());
        Map<String, Integer> otherIds = new HashMap<>();
        Map<String, Long> codes = new HashMap<>();
        gramTickets.forEach((code, count) -> {
            if (count >= minCount) {
                codes.put(Features.gramName(code), code);
            }
        });
        for (String name : kept) {
            Long code = codes.get(name);
            if (code != null) {
                gramIds.add(code, ids.getID(name) + 1); // LIBLINEAR's indices start at 1
            } else {
                otherIds.put(name, ids.getID(name) + 1);
            }
        }

        // pass two: each ticket's row over the kept features, a lesson of weight w round(w / lightest) times
        double lightest = examples.stream().mapToDouble(RoutingExample::weight).min().orElse(1);
        MutableLabelInfo info = (MutableLabelInfo) new LabelFactory().generateInfo();
        examples.forEach(e -> info.observe(new Label(e.unit())));
        org.tribuo.ImmutableOutputInfo<Label> unitIds = info.generateImmutableOutputInfo();
        int bias = ids.size() + 1;
        List<FeatureNode[]> rows = new ArrayList<>(examples.size());
        List<Double> y = new ArrayList<>(examples.size());
        Map<String, Double> sums = new TreeMap<>();
        chunks(examples, e -> row(e.ticket(), features.terms(e.ticket()), gramIds, otherIds, bias), (e, row) -> {
            if (row.length == 1) {
                return; // nothing kept but the bias: nothing to learn from
            }
            sums.merge(e.unit(), e.weight(), Double::sum);
            double id = unitIds.getID(new Label(e.unit()));
            for (long c = Math.max(1, Math.round(e.weight() / lightest)); c > 0; c--) {
                rows.add(row);
                y.add(id);
            }
        });
        return new PrebuiltHistory(ids, unitIds, rows.toArray(FeatureNode[][]::new),
                y.stream().mapToDouble(Double::doubleValue).toArray(), sums);
    }

    /**
     * What each ticket of a chunk gives is made on every core (a chunk at a time, so a large history's terms are
     * never all held at once) and consumed in the history's order, whichever thread made it.
     */
    private static <T> void chunks(List<RoutingExample> examples, Function<RoutingExample, T> make,
                                   BiConsumer<RoutingExample, T> each) {
        for (int from = 0; from < examples.size(); from += CHUNK) {
            List<RoutingExample> chunk = examples.subList(from, Math.min(examples.size(), from + CHUNK));
            List<T> made = chunk.parallelStream().map(make).toList();
            for (int i = 0; i < made.size(); i++) {
                each.accept(chunk.get(i), made.get(i));
            }
        }
    }

    /** Intake's fields are always kept; text terms by how many tickets have them, ties by name. */
    private static List<String> kept(GramCounts grams, Map<String, Integer> others, int minCount, int maxFeatures) {
        List<String> intake = new ArrayList<>();
        List<Map.Entry<String, Integer>> text = new ArrayList<>();
        grams.forEach((code, count) -> {
            if (count >= minCount) {
                text.add(Map.entry(Features.gramName(code), count));
            }
        });
        others.forEach((name, count) -> {
            if (name.contains("=")) {
                intake.add(name);
            } else if (count >= minCount) {
                text.add(Map.entry(name, count));
            }
        });
        text.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> kept = new ArrayList<>(intake);
        text.stream().limit(maxFeatures).forEach(e -> kept.add(e.getKey()));
        return kept;
    }

    private static List<String> intake(TicketText t) {
        List<String> out = new ArrayList<>(3);
        add(out, "category=", t.category());
        add(out, "location=", t.location());
        add(out, "channel=", t.channel());
        return out;
    }

    private static void add(List<String> out, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            out.add(prefix + value.strip());
        }
    }

    /** The values {@link Features#of} gives: 1 + ln tf over the text's length (all its terms, kept or not). */
    private static FeatureNode[] row(TicketText ticket, Features.Terms terms, GramCounts gramIds,
                                     Map<String, Integer> otherIds, int bias) {
        long[] g = terms.grams();
        List<FeatureNode> nodes = new ArrayList<>();
        double norm = 0;
        for (int i = 0; i < g.length; ) {
            int j = i;
            while (j < g.length && g[j] == g[i]) {
                j++;
            }
            double v = 1 + Math.log(j - i);
            norm += v * v;
            int id = gramIds.get(g[i]);
            if (id > 0) {
                nodes.add(new FeatureNode(id, v));
            }
            i = j;
        }
        Map<String, Integer> wordCounts = new TreeMap<>();
        terms.words().forEach(w -> wordCounts.merge(w, 1, Integer::sum));
        for (Map.Entry<String, Integer> w : wordCounts.entrySet()) {
            double v = 1 + Math.log(w.getValue());
            norm += v * v;
            Integer id = otherIds.get(w.getKey());
            if (id != null) {
                nodes.add(new FeatureNode(id, v));
            }
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            nodes.forEach(n -> n.setValue(n.getValue() / length));
        }
        for (String k : intake(ticket)) {
            Integer id = otherIds.get(k);
            if (id != null) {
                nodes.add(new FeatureNode(id, 1.0));
            }
        }
        nodes.sort(Comparator.comparingInt(FeatureNode::getIndex));
        FeatureNode[] row = nodes.toArray(new FeatureNode[nodes.size() + 1]);
        row[nodes.size()] = new FeatureNode(bias, 1.0);
        return row;
    }
}
