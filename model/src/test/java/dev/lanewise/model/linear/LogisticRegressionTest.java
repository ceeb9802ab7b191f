package dev.lanewise.model.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.Standardizer;
import dev.lanewise.model.data.TrainTestSplit;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void breastCancerTestAccuracyIsAtLeast096() {
        TrainTestSplit split = Splits.trainTest(Datasets.breastCancer(), 0.2, 42, true);
        LogisticRegression model = new LogisticRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)),
                TrainingConfig.defaults().withBatchSize(32).withMaxEpochs(100).withL2(1e-2).withSeed(7));
        model.fit(split.train());
        double accuracy = ClassificationMetrics.accuracy(split.test().labels(), model.predict(split.test().features()));
        assertTrue(accuracy >= 0.96, "test accuracy " + accuracy);
    }

    @Test
    void withATinyPenaltyTheTrainingObjectiveReachesItsConvexOptimum() {
        Dataset train = Splits.trainTest(Datasets.breastCancer(), 0.2, 42, true).train();
        double l2 = 1e-3;
        double optimum = newtonOptimum(Standardizer.fit(train.features()).transformed(train), l2);
        LogisticRegression model = new LogisticRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.05)),
                TrainingConfig.defaults().withFullBatch().withMaxEpochs(4000).withL2(l2));
        model.fit(train);
        Dataset scaled = model.standardizer().transformed(train);
        double objective = objective(scaled, weights(model), l2);
        assertTrue(objective - optimum <= 1e-3 && objective >= optimum - 1e-9,
                "training objective " + objective + " should be within 1e-3 of the optimum " + optimum);
    }

    private static double[] weights(LogisticRegression model) {
        dev.lanewise.model.nn.Dense dense = (dev.lanewise.model.nn.Dense) model.network().layers().get(0);
        float[] w = dense.weight().value();
        double[] all = new double[w.length + 1];
        for (int i = 0; i < w.length; i++) {
            all[i] = w[i];
        }
        all[w.length] = dense.bias().value()[0];
        return all;
    }

    /** Mean log-loss plus l2/2 * |w|^2 (the bias not penalized), in double. */
    static double objective(Dataset data, double[] wb, double l2) {
        Matrix x = data.features();
        int d = data.cols();
        double sum = 0;
        for (int r = 0; r < data.rows(); r++) {
            double z = wb[d];
            for (int c = 0; c < d; c++) {
                z += wb[c] * x.get(r, c);
            }
            int y = data.labels()[r];
            // log(1 + e^z) - y z, computed without overflow
            sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
        }
        double penalty = 0;
        for (int c = 0; c < d; c++) {
            penalty += wb[c] * wb[c];
        }
        return sum / data.rows() + l2 / 2 * penalty;
    }

    /** The minimum of {@link #objective} by Newton's method in double. */
    static double newtonOptimum(Dataset data, double l2) {
        Matrix x = data.features();
        int d = data.cols();
        int n = data.rows();
        double[] w = new double[d + 1];
        for (int iter = 0; iter < 100; iter++) {
            double[][] h = new double[d + 1][d + 2];
            double[] row = new double[d + 1];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < d; c++) {
                    row[c] = x.get(r, c);
                }
                row[d] = 1;
                double z = 0;
                for (int c = 0; c <= d; c++) {
                    z += w[c] * row[c];
                }
                double p = 1 / (1 + Math.exp(-z));
                double g = p - data.labels()[r];
                double s = p * (1 - p);
                for (int i = 0; i <= d; i++) {
                    h[i][d + 1] -= g * row[i] / n;
                    for (int j = 0; j <= d; j++) {
                        h[i][j] += s * row[i] * row[j] / n;
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                h[i][i] += l2;
                h[i][d + 1] -= l2 * w[i];
            }
            double[] delta = LinearRegressionTest.solve(h);
            double size = 0;
            for (int i = 0; i <= d; i++) {
                w[i] += delta[i];
                size = Math.max(size, Math.abs(delta[i]));
            }
            if (size < 1e-12) {
                break;
            }
        }
        return objective(data, w, l2);
    }
}
