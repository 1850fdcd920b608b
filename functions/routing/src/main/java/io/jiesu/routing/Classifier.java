package io.jiesu.routing;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.WeightedLabels;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.IDFTransformation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The standard linear classifiers from Tribuo the evaluation compares. All are deterministic for a given seed.
 * Example weights: Tribuo's SGD trainers use them directly; LIBLINEAR's Java port has no instance weights, so
 * there an example is given round(w / lightest weight present) times ({@link OneVsRestLibLinear}).
 */
public enum Classifier {
    /** LIBLINEAR's L2-regularised logistic regression (one against the rest): probabilities, fast at scale. */
    LIBLINEAR_LOGISTIC {
        @Override
        Trainer<Label> trainer(long seed, double cost) {
            return new OneVsRestLibLinear(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost > 0 ? cost : 8.0,
                    0.01, seed);
        }
    },
    /**
     * LIBLINEAR's L2-regularised linear SVM (dual): margins, turned into a confidence (see Confidence). The costs (C)
     * here are those the development figures were measured with, when every lesson was given twice.
     */
    LIBLINEAR_SVM {
        @Override
        Trainer<Label> trainer(long seed, double cost) {
            return new OneVsRestLibLinear(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL),
                    cost > 0 ? cost : 2.0, 0.1, seed);
        }
    },
    /**
     * LIBLINEAR's multi-class SVM of Crammer and Singer: one problem over all units at once instead of one per unit,
     * each pass over the tickets scoring every unit; margins, as the SVM's.
     */
    LIBLINEAR_MULTICLASS_SVM {
        @Override
        Trainer<Label> trainer(long seed, double cost) {
            return new OneVsRestLibLinear(new LinearClassificationType(LinearClassificationType.LinearType.MCSVM_CS),
                    cost > 0 ? cost : 1.0, 0.1, seed);
        }
    },
    /** Multinomial logistic regression by SGD (AdaGrad, 10 epochs): probabilities; slow beyond ~10,000 tickets. */
    SGD_LOGISTIC {
        @Override
        Trainer<Label> trainer(long seed, double cost) {
            return sgd(new LogMulticlass(), new AdaGrad(0.5, 0.1), seed);
        }
    },
    /** Linear SVM by SGD (hinge loss, Pegasos). */
    SGD_SVM {
        @Override
        Trainer<Label> trainer(long seed, double cost) {
            return sgd(new Hinge(), new Pegasos(0.1, 1e-4), seed);
        }
    };

    /** The classifier chosen by the figures in docs/decisions/0005-learned-router.md. */
    public static final Classifier CHOSEN = LIBLINEAR_SVM;

    /** @param cost LIBLINEAR's cost C, 0 for this kind's own (the SGD trainers have none) */
    abstract Trainer<Label> trainer(long seed, double cost);

    Model<Label> train(List<Example<Label>> examples, long seed, Tuning tuning) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("dispatch history", labels), labels);
        // LIBLINEAR's trainer gives a lesson of weight w round(w / lightest) copies when it hands the rows over
        // (OneVsRestLibLinear); the SGD trainers use the weights as they are
        examples.forEach(data::add);
        Trainer<Label> trainer = trainer(seed, tuning.cost());
        if (tuning.balanced() && trainer instanceof WeightedLabels weighted) {
            weighted.setLabelWeights(balancedWeights(examples));
        }
        if (tuning.idf()) {
            // the absent features must be observed too: IDF's document count is every example, not only those that
            // have the feature (without them every IDF is log 1 = 0, and the text says nothing)
            trainer = new TransformTrainer<>(trainer, new TransformationMap(List.of(new IDFTransformation())), false, true);
        }
        return trainer.train(data);
    }

    /** LIBLINEAR's kinds train from a prebuilt history ({@link PrebuiltHistory}); the SGD ones do not. */
    boolean liblinear() {
        return this == LIBLINEAR_LOGISTIC || this == LIBLINEAR_SVM || this == LIBLINEAR_MULTICLASS_SVM;
    }

    Model<Label> train(PrebuiltHistory history, long seed, Tuning tuning) {
        if (!liblinear() || tuning.idf()) {
            throw new IllegalArgumentException(this + (tuning.idf() ? " with IDF" : "") + " trains from examples");
        }
        Trainer<Label> trainer = trainer(seed, tuning.cost());
        if (tuning.balanced() && trainer instanceof WeightedLabels weighted) {
            weighted.setLabelWeights(balanced(history.weightSums()));
        }
        return trainer.train(history);
    }

    /** Each unit's weight: the mean weight of a unit over its own, so every unit's lessons add up alike. */
    static Map<Label, Float> balancedWeights(List<Example<Label>> examples) {
        Map<String, Double> sums = new TreeMap<>();
        examples.forEach(e -> sums.merge(e.getOutput().getLabel(), (double) e.getWeight(), Double::sum));
        return balanced(sums);
    }

    private static Map<Label, Float> balanced(Map<String, Double> sums) {
        double mean = sums.values().stream().mapToDouble(Double::doubleValue).sum() / sums.size();
        Map<Label, Float> weights = new HashMap<>();
        sums.forEach((unit, sum) -> weights.put(new Label(unit), (float) (mean / sum)));
        return weights;
    }

    private static LinearSGDTrainer sgd(org.tribuo.classification.sgd.LabelObjective objective,
                                        org.tribuo.math.StochasticGradientOptimiser optimiser, long seed) {
        // logging interval beyond any history: Tribuo would otherwise log the loss every 1000 examples
        return new LinearSGDTrainer(objective, optimiser, 10, Integer.MAX_VALUE, 1, seed);
    }
}
