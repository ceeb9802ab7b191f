package dev.lanewise.model.estimator;

import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.metrics.RegressionMetrics;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.train.Scorer;

/** The per-epoch metrics: accuracy for classifiers, R² for regressors, on rows already standardized. */
final class Scorers {
    /** Rows per forward pass when scoring. */
    private static final int CHUNK = 1024;

    private Scorers() {}

    static final Scorer ACCURACY = new Scorer() {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public double score(Sequential network, Dataset data) {
            int[] predicted = new int[data.rows()];
            network.forwardInChunks(data.features(), CHUNK, (from, out) -> {
                int[] classes = Classifier.argmaxRows(out);
                System.arraycopy(classes, 0, predicted, from, classes.length);
            });
            return ClassificationMetrics.accuracy(data.labels(), predicted);
        }
    };

    static final Scorer R2 = new Scorer() {
        @Override
        public String name() {
            return "r2";
        }

        @Override
        public double score(Sequential network, Dataset data) {
            float[] predicted = new float[data.rows()];
            network.forwardInChunks(data.features(), CHUNK, (from, out) -> {
                for (int r = 0; r < out.rows(); r++) {
                    predicted[from + r] = out.get(r, 0);
                }
            });
            return RegressionMetrics.r2(data.targets(), predicted);
        }
    };
}
