package io.jiesu.routing;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrebuiltHistoryTest {
    private static final Tuning TUNING = Tuning.CHOSEN;

    @Test
    void theRowsBuiltDirectlyTrainTheModelTribuosExamplesTrain() {
        for (Features features : List.of(Features.CHOSEN, new Features(2, false), new Features(2, true),
                RouterTrainer.LARGE_FEATURES)) {
            List<RoutingExample> history = new ArrayList<>(Tickets.history(20, 21));
            // intake's fields, a heavier lesson, and a gram kept by a single ticket only with minCount 1
            history.add(new RoutingExample(new TicketText("校车超载，司机开得很快", "教育", "东城区", "phone"),
                    Tickets.EDUCATION, 2.0));
            history.add(new RoutingExample(new TicketText("公交站台广告牌松动", "交通", "西城区", "web"),
                    Tickets.TRANSPORT, 4.0));
            // a subject line and its body: the subject's grams count as often as the feature set says
            history.add(new RoutingExample(TicketText.of("校车超载\n司机开得很快，孩子们站着上学"), Tickets.EDUCATION, 1.0));
            int minCount = 2;
            int maxFeatures = 60; // fewer than the history has: the cap and its tie-break by name count too

            PrebuiltHistory prebuilt = PrebuiltHistory.of(history, features, minCount, maxFeatures);
            Model<Label> direct = Classifier.CHOSEN.train(prebuilt, RouterTrainer.SEED, TUNING);
            Model<Label> viaExamples = Classifier.CHOSEN.train(examples(history, features, minCount, maxFeatures),
                    RouterTrainer.SEED, TUNING);

            assertEquals(viaExamples.getFeatureIDMap().size(), direct.getFeatureIDMap().size(), features.name());
            Random random = new Random(9);
            for (int i = 0; i < 30; i++) {
                Example<Label> ticket = RouterTrainer.example(LabelFactory.UNKNOWN_LABEL,
                        features.of(new TicketText(Tickets.text(random, i % 3), "交通", "东城区", "phone")), null);
                Map<String, Label> a = direct.predict(ticket).getOutputScores();
                Map<String, Label> b = viaExamples.predict(ticket).getOutputScores();
                assertEquals(b.keySet(), a.keySet());
                for (String unit : b.keySet()) {
                    assertEquals(b.get(unit).getScore(), a.get(unit).getScore(), 1e-9,
                            features.name() + ", " + unit + " on ticket " + i);
                }
            }
        }
    }

    @Test
    void aGramsCodeNamesItAsTheFeaturesDo() {
        int[] cps = "路灯𠀋".codePoints().toArray();
        assertEquals("c:路", Features.gramName(Features.gramCode(cps, 0, 1)));
        assertEquals("c:路灯", Features.gramName(Features.gramCode(cps, 0, 2)));
        assertEquals("c:路灯𠀋", Features.gramName(Features.gramCode(cps, 0, 3)));
        assertEquals("c:𠀋", Features.gramName(Features.gramCode(cps, 2, 1)));
    }

    /** Tribuo's way, as the router trained before: the vocabulary's examples in a MutableDataset. */
    private static List<Example<Label>> examples(List<RoutingExample> history, Features features, int minCount,
                                                 int maxFeatures) {
        Map<String, Integer> counts = new HashMap<>();
        history.forEach(e -> features.of(e.ticket()).keySet().forEach(k -> counts.merge(k, 1, Integer::sum)));
        Map<String, String> kept = new HashMap<>();
        counts.keySet().stream().filter(k -> k.contains("=")).forEach(k -> kept.put(k, k));
        counts.entrySet().stream().filter(e -> !e.getKey().contains("=") && e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxFeatures).forEach(e -> kept.put(e.getKey(), e.getKey()));
        List<Example<Label>> out = new ArrayList<>();
        for (RoutingExample e : history) {
            Example<Label> ex = RouterTrainer.example(new Label(e.unit()), features.of(e.ticket()), kept);
            ex.setWeight((float) e.weight());
            if (ex.size() > 0) {
                out.add(ex);
            }
        }
        return out;
    }
}
