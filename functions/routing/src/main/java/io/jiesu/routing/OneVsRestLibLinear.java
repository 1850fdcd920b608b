package io.jiesu.routing;

import com.oracle.labs.mlrg.olcut.util.Pair;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Tribuo's LIBLINEAR trainer, with the units' one-against-the-rest problems solved side by side instead of one
 * after another. LIBLINEAR's multi-class training is exactly that: one binary problem per unit (its tickets +1,
 * all others -1, the unit's cost weight on its own side), their weight vectors side by side. Here each problem is
 * handed to {@link Linear#train} on its own thread, and the weight vectors are assembled into the one multi-class
 * {@link Model} LIBLINEAR would have written (read through its own model format), so Tribuo's model, its
 * prediction and its stored form are unchanged. Each unit's problem has its own random stream from the seed, so
 * the result does not depend on which thread ran it.
 * <p>
 * LIBLINEAR's Java port has no instance weights; a lesson of weight w is given round(w / the lightest weight
 * present) times (the lessons' weights are multiples of one another). For the L2-loss SVM and logistic regression
 * that is the same optimum as one example with w times the cost. The copies share the example's feature array.
 */
final class OneVsRestLibLinear extends LibLinearClassificationTrainer {
    private final long seed;

    OneVsRestLibLinear(LinearClassificationType type, double cost, double tolerance, long seed) {
        super(type, cost, 1000, tolerance, seed);
        this.seed = seed;
    }

    @Override
    protected Pair<FeatureNode[][], double[][]> extractData(Dataset<Label> data, ImmutableOutputInfo<Label> info,
                                                            ImmutableFeatureMap featureMap) {
        if (data instanceof PrebuiltHistory prebuilt) {
            // already LIBLINEAR's rows over this feature map, lessons already given as often as they weigh
            return new Pair<>(prebuilt.rows(), new double[][] {prebuilt.unitIds()});
        }
        double lightest = Double.MAX_VALUE;
        for (Example<Label> e : data) {
            lightest = Math.min(lightest, e.getWeight());
        }
        List<FeatureNode[]> rows = new ArrayList<>(data.size());
        List<Double> ids = new ArrayList<>(data.size());
        List<FeatureNode> buffer = new ArrayList<>();
        for (Example<Label> e : data) {
            FeatureNode[] nodes = exampleToNodes(e, featureMap, buffer);
            long copies = Math.max(1, Math.round(e.getWeight() / lightest));
            double id = info.getID(e.getOutput());
            for (long c = 0; c < copies; c++) {
                rows.add(nodes);
                ids.add(id);
            }
        }
        double[][] outputs = new double[1][ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            outputs[0][i] = ids.get(i);
        }
        return new Pair<>(rows.toArray(FeatureNode[][]::new), outputs);
    }

    @Override
    protected List<Model> trainModels(Parameter params, int numFeatures, FeatureNode[][] features,
                                      double[][] outputs) {
        double[] y = outputs[0];
        int[] labels = IntStream.range(0, y.length).map(i -> (int) y[i]).distinct().sorted().toArray();
        if (labels.length <= 2 || params.getSolverType() == de.bwaldvogel.liblinear.SolverType.MCSVM_CS) {
            // two units: one problem; Crammer and Singer's multi-class SVM: one problem of all units at once
            Parameter p = params.clone();
            p.setRandom(new Random(seed));
            return List.of(Linear.train(problem(features, y, numFeatures), p));
        }
        double[][] weights = new double[labels.length][];
        IntStream.range(0, labels.length).parallel().forEach(k -> weights[k] = oneAgainstTheRest(
                params, features, y, numFeatures, labels[k]));
        return List.of(assemble(params, labels, numFeatures, weights));
    }

    /** The weight vector (bias last) that tells this unit's tickets from all the others'. */
    private double[] oneAgainstTheRest(Parameter params, FeatureNode[][] features, double[] y, int numFeatures,
                                       int label) {
        double[] binary = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            binary[i] = y[i] == label ? +1 : -1;
        }
        Parameter p = new Parameter(params.getSolverType(), params.getC(), params.getEps(), params.getMaxIters(),
                params.getP());
        p.setWeights(new double[] {unitWeight(params, label)}, new int[] {+1});
        p.setRandom(new Random(seed * 31 + label));
        Model m = Linear.train(problem(features, binary, numFeatures), p);
        double[] w = m.getFeatureWeights();
        if (m.getLabels()[0] != +1) {
            // LIBLINEAR writes a binary model's weights for its first label; a unit with no ticket here is all -1
            double[] flipped = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                flipped[i] = -w[i];
            }
            return flipped;
        }
        return w;
    }

    private static double unitWeight(Parameter params, int label) {
        for (int i = 0; i < params.getNumWeights(); i++) {
            if (params.getWeightLabels()[i] == label) {
                return params.getWeights()[i];
            }
        }
        return 1.0;
    }

    private static Problem problem(Feature[][] features, double[] y, int numFeatures) {
        Problem data = new Problem();
        data.l = features.length;
        data.y = y;
        data.x = features;
        data.n = numFeatures;
        data.bias = 1.0;
        return data;
    }

    /** The multi-class model LIBLINEAR writes (one column per unit, one row per feature), read back by LIBLINEAR. */
    private static Model assemble(Parameter params, int[] labels, int numFeatures, double[][] weights) {
        StringBuilder header = new StringBuilder();
        header.append("solver_type ").append(params.getSolverType().name()).append('\n');
        header.append("nr_class ").append(labels.length).append('\n');
        header.append("label");
        for (int l : labels) {
            header.append(' ').append(l);
        }
        // numFeatures counts the bias feature, which LIBLINEAR's header does not
        header.append("\nnr_feature ").append(numFeatures - 1).append("\nbias 1.0\nw\n");
        try {
            return Model.load(new WeightsReader(header.toString(), weights));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model text written on demand, a row at a time: the weights are never held twice as text. */
    private static final class WeightsReader extends Reader {
        private final double[][] columns;
        private final int rows;
        private int row = -1;
        private String current;
        private int at;

        WeightsReader(String header, double[][] columns) {
            this.columns = columns;
            this.rows = columns[0].length;
            this.current = header;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (at >= current.length()) {
                if (++row >= rows) {
                    return -1;
                }
                StringBuilder line = new StringBuilder(columns.length * 22);
                for (double[] column : columns) {
                    line.append(column[row]).append(' ');
                }
                current = line.append('\n').toString();
                at = 0;
            }
            int n = Math.min(len, current.length() - at);
            current.getChars(at, at + n, buf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
