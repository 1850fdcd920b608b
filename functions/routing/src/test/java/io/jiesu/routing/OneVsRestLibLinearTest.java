package io.jiesu.routing;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OneVsRestLibLinearTest {
    private static final LinearClassificationType SVM =
            new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL);

    @Test
    void theUnitsProblemsSolvedSideBySideGiveTheModelLibLinearGivesSolvingThemInTurn() {
        MutableDataset<Label> data = dataset(Tickets.history(15, 11));
        // a tight tolerance: both solve to the same optimum, whatever order their coordinates were visited in
        Model<Label> ours = new OneVsRestLibLinear(SVM, 2.0, 1e-6, 7).train(data);
        Model<Label> theirs = new LibLinearClassificationTrainer(SVM, 2.0, 1000, 1e-6, 7).train(data);

        Random random = new Random(3);
        for (int i = 0; i < 30; i++) {
            Example<Label> ticket = example(LabelFactory.UNKNOWN_LABEL, Tickets.text(random, i % 3));
            Map<String, Label> a = ours.predict(ticket).getOutputScores();
            Map<String, Label> b = theirs.predict(ticket).getOutputScores();
            assertEquals(b.keySet(), a.keySet());
            for (String unit : b.keySet()) {
                assertEquals(b.get(unit).getScore(), a.get(unit).getScore(), 1e-4, unit + " on ticket " + i);
            }
        }
    }

    @Test
    void aLessonOfDoubleWeightCountsAsTwoOfWeightOne() {
        List<RoutingExample> doubled = new ArrayList<>();
        List<RoutingExample> weighted = new ArrayList<>();
        for (RoutingExample e : Tickets.history(8, 12)) {
            doubled.add(e);
            doubled.add(e);
            weighted.add(new RoutingExample(e.ticket(), e.unit(), 2.0));
        }
        // one light lesson, so the doubled history's lightest weight is as the weighted one's
        RoutingExample light = RoutingExample.of(TicketText.of("公交站台"), Tickets.CITY, Lesson.HAND_KEPT);
        doubled.add(light);
        weighted.add(light);

        Model<Label> a = new OneVsRestLibLinear(SVM, 2.0, 1e-6, 7).train(dataset(doubled));
        Model<Label> b = new OneVsRestLibLinear(SVM, 2.0, 1e-6, 7).train(dataset(weighted));

        Example<Label> ticket = example(LabelFactory.UNKNOWN_LABEL, "公交站台旁边的红绿灯坏了");
        Prediction<Label> pa = a.predict(ticket);
        Prediction<Label> pb = b.predict(ticket);
        pa.getOutputScores().forEach((unit, l) ->
                assertEquals(l.getScore(), pb.getOutputScores().get(unit).getScore(), 1e-4, unit));
    }

    @Test
    void trainingTwiceOnEveryCoreGivesTheSameWeights() {
        RouterTrainer chosen = RouterTrainer.chosen(java.time.Clock.systemUTC());
        // and the large history's settings: Crammer and Singer's one problem, its own random stream from the seed
        for (RouterTrainer trainer : List.of(chosen,
                chosen.with(RouterTrainer.LARGE_FEATURES).with(RouterTrainer.LARGE_CLASSIFIER))) {
            List<RoutingExample> history = Tickets.history(40, 13);
            RouterModel a = trainer.train(history);
            RouterModel b = trainer.train(history);

            Random random = new Random(5);
            for (int i = 0; i < 30; i++) {
                TicketText t = TicketText.of(Tickets.text(random, i % 3));
                assertEquals(a.suggest(t), b.suggest(t), trainer.classifier() + ", ticket " + i);
                assertEquals(i % 3 == 0, Tickets.CITY.equals(a.suggest(t).get(0).unit()), trainer.classifier()
                        + ", ticket " + i + ": " + a.suggest(t));
            }
        }
    }

    private static MutableDataset<Label> dataset(List<RoutingExample> history) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", labels), labels);
        for (RoutingExample e : history) {
            Example<Label> ex = example(new Label(e.unit()), e.ticket().text());
            ex.setWeight((float) e.weight());
            data.add(ex);
        }
        return data;
    }

    private static Example<Label> example(Label label, String text) {
        return RouterTrainer.example(label, Features.CHOSEN.of(TicketText.of(text)), null);
    }
}
