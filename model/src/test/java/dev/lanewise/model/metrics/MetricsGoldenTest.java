package dev.lanewise.model.metrics;

import static dev.lanewise.model.metrics.MiniJson.array;
import static dev.lanewise.model.metrics.MiniJson.doubles;
import static dev.lanewise.model.metrics.MiniJson.floats;
import static dev.lanewise.model.metrics.MiniJson.ints;
import static dev.lanewise.model.metrics.MiniJson.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The metrics against scikit-learn 1.2 on a seeded 50-sample data set (golden/metrics_golden.json, written
 * by golden/metrics_golden.py; every value a float32, widened to float64 for sklearn, as here).
 *
 * <p>Tolerance: counts and ratios of counts (accuracy, confusion matrix, precision, recall, F1 and their
 * macro means) are exact: the same integer divisions and the same operation order as sklearn. Sums of
 * 50 doubles (MSE, MAE, R², log-loss) are compared to {@code 1e-13} relative: numpy adds pairwise and
 * this code left to right, which may differ by up to {@code n * 2^-53} (6e-15 for n = 50) relative to the
 * sum of magnitudes, and {@code ln} may differ by an ulp between Java and glibc. Measured: 0 to 3e-16. A
 * wrong formula (a missing clip, renormalization or mean) is off by far more.
 */
class MetricsGoldenTest {
    private static final Map<String, Object> GOLDEN = MiniJson.resource("/golden/metrics_golden.json");
    private static final double REL = 1e-13;

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.abs(expected), what);
    }

    private static double d(Map<String, Object> m, String key) {
        return (Double) m.get(key);
    }

    @Test
    void goldenFileRecordsTheSklearnVersion() {
        assertTrue(((String) GOLDEN.get("sklearn")).startsWith("1.2"), () -> "sklearn " + GOLDEN.get("sklearn"));
        assertTrue(GOLDEN.containsKey("python"));
        assertEquals(ClassificationMetrics.LOG_LOSS_EPS, d(GOLDEN, "log_loss_eps"));
    }

    @Test
    void regressionMetricsMatchSklearn() {
        Map<String, Object> regression = object(GOLDEN.get("regression"));
        float[] yTrue = floats(regression.get("y_true"));
        assertEquals(50, yTrue.length);
        for (Map.Entry<String, Object> c : object(regression.get("cases")).entrySet()) {
            Map<String, Object> g = object(c.getValue());
            float[] yPred = floats(g.get("y_pred"));
            assertClose(d(g, "mse"), RegressionMetrics.mse(yTrue, yPred), c.getKey() + " mse");
            assertClose(d(g, "rmse"), RegressionMetrics.rmse(yTrue, yPred), c.getKey() + " rmse");
            assertClose(d(g, "mae"), RegressionMetrics.mae(yTrue, yPred), c.getKey() + " mae");
            assertClose(d(g, "r2"), RegressionMetrics.r2(yTrue, yPred), c.getKey() + " r2");
        }
    }

    @Test
    void binaryLogLossAndAccuracyMatchSklearn() {
        Map<String, Object> g = object(GOLDEN.get("binary"));
        int[] yTrue = ints(g.get("y_true"));
        float[] p = floats(g.get("proba_of_one"));
        assertClose(d(g, "log_loss"), ClassificationMetrics.logLoss(yTrue, p), "log_loss");
        int[] yPred = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            yPred[i] = p[i] >= 0.5f ? 1 : 0;
        }
        assertEquals(d(g, "accuracy_at_half"), ClassificationMetrics.accuracy(yTrue, yPred));
    }

    @Test
    void multiclassLogLossAndAccuracyMatchSklearn() {
        Map<String, Object> g = object(GOLDEN.get("multiclass"));
        int k = (int) d(g, "k");
        int[] yTrue = ints(g.get("y_true"));
        float[] proba = floats(g.get("proba"));
        assertClose(d(g, "log_loss"), ClassificationMetrics.logLoss(yTrue, proba, k), "log_loss");
        int[] argmax = new int[yTrue.length];
        for (int i = 0; i < yTrue.length; i++) {
            for (int c = 1; c < k; c++) {
                if (proba[i * k + c] > proba[i * k + argmax[i]]) {
                    argmax[i] = c;
                }
            }
        }
        assertEquals(d(g, "accuracy_argmax"), ClassificationMetrics.accuracy(yTrue, argmax));
    }

    @Test
    void confusionMatrixAndPerClassScoresMatchSklearn() {
        Map<String, Object> g = object(GOLDEN.get("confusion"));
        int k = (int) d(g, "k");
        int[] yTrue = ints(g.get("y_true"));
        int[] yPred = ints(g.get("y_pred"));
        ConfusionMatrix m = ConfusionMatrix.of(k, yTrue, yPred);
        long[][] expected = array(g.get("matrix")).stream()
                .map(row -> array(row).stream().mapToLong(v -> ((Double) v).longValue()).toArray())
                .toArray(long[][]::new);
        assertArrayEquals(expected, m.toArray());
        double[] precision = doubles(g.get("precision"));
        double[] recall = doubles(g.get("recall"));
        double[] f1 = doubles(g.get("f1"));
        int[] support = ints(g.get("support"));
        for (int c = 0; c < k; c++) {
            assertEquals(precision[c], m.precision(c), "precision " + c);
            assertEquals(recall[c], m.recall(c), "recall " + c);
            assertEquals(f1[c], m.f1(c), "f1 " + c);
            assertEquals(support[c], m.support(c), "support " + c);
        }
        assertEquals(d(g, "accuracy"), m.accuracy());
        assertEquals(d(g, "accuracy"), ClassificationMetrics.accuracy(yTrue, yPred));
        assertEquals(d(g, "macro_precision"), m.macroPrecision());
        assertEquals(d(g, "macro_recall"), m.macroRecall());
        assertEquals(d(g, "macro_f1"), m.macroF1());
        assertEquals(d(g, "macro_f1_score"), m.macroF1());
    }
}
