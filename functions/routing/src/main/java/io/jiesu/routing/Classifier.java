package io.jiesu.routing;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;

/**
 * The standard linear classifiers from Tribuo the evaluation compares. All are deterministic for a given seed.
 * Example weights: Tribuo's SGD trainers use them directly; LIBLINEAR's Java port has no instance weights, so
 * there an example is given round(w / lightest weight present) times ({@link OneVsRestLibLinear}).
 */
public enum Classifier {
    /** LIBLINEAR's L2-regularised logistic regression (one against the rest): probabilities, fast at scale. */
    LIBLINEAR_LOGISTIC {
        @Override
        Trainer<Label> trainer(long seed) {
            return new OneVsRestLibLinear(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 8.0, 0.01, seed);
        }
    },
    /**
     * LIBLINEAR's L2-regularised linear SVM (dual): margins, turned into a softmax for a confidence. The costs (C)
     * here are those the development figures were measured with, when every lesson was given twice.
     */
    LIBLINEAR_SVM {
        @Override
        Trainer<Label> trainer(long seed) {
            return new OneVsRestLibLinear(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC_DUAL), 2.0, 0.1,
                    seed);
        }
    },
    /** Multinomial logistic regression by SGD (AdaGrad, 10 epochs): probabilities; slow beyond ~10,000 tickets. */
    SGD_LOGISTIC {
        @Override
        Trainer<Label> trainer(long seed) {
            return sgd(new LogMulticlass(), new AdaGrad(0.5, 0.1), seed);
        }
    },
    /** Linear SVM by SGD (hinge loss, Pegasos). */
    SGD_SVM {
        @Override
        Trainer<Label> trainer(long seed) {
            return sgd(new Hinge(), new Pegasos(0.1, 1e-4), seed);
        }
    };

    /** The classifier chosen by the figures in docs/decisions/0005-learned-router.md. */
    public static final Classifier CHOSEN = LIBLINEAR_SVM;

    abstract Trainer<Label> trainer(long seed);

    Model<Label> train(List<Example<Label>> examples, long seed) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("dispatch history", labels), labels);
        // LIBLINEAR's trainer gives a lesson of weight w round(w / lightest) copies when it hands the rows over
        // (OneVsRestLibLinear); the SGD trainers use the weights as they are
        examples.forEach(data::add);
        return trainer(seed).train(data);
    }

    private static LinearSGDTrainer sgd(org.tribuo.classification.sgd.LabelObjective objective,
                                        org.tribuo.math.StochasticGradientOptimiser optimiser, long seed) {
        // logging interval beyond any history: Tribuo would otherwise log the loss every 1000 examples
        return new LinearSGDTrainer(objective, optimiser, 10, Integer.MAX_VALUE, 1, seed);
    }
}
