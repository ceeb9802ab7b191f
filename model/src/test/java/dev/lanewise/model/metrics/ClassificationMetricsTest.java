package dev.lanewise.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Closed forms and edge cases of accuracy and log-loss; sklearn's values are in {@link MetricsGoldenTest}. */
class ClassificationMetricsTest {

    private static void assertRefused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void accuracyIsTheFractionOfEqualLabels() {
        assertEquals(0.75, ClassificationMetrics.accuracy(new int[] {0, 1, 2, 3}, new int[] {0, 2, 2, 3}));
        assertEquals(0.5, ClassificationMetrics.accuracy(new int[] {9, 0, 1}, 1, new int[] {1, 1, 9}, 0, 2));
    }

    @Test
    void binaryLogLossIsTheMeanNegativeLogLikelihood() {
        int[] y = {1, 0, 1, 0};
        float[] p = {0.9f, 0.2f, 0.6f, 0.5f};
        double expected = -(Math.log(0.9f) + Math.log(1 - (double) 0.2f) + Math.log(0.6f) + Math.log(0.5)) / 4;
        assertEquals(expected, ClassificationMetrics.logLoss(y, p), 1e-15);
    }

    @Test
    void logLossClipsCertainAnswersToEpsAndOneMinusEps() {
        // certainly wrong about class 1: -ln(1e-15) = 34.5388
        assertEquals(-Math.log(1e-15), ClassificationMetrics.logLoss(new int[] {1}, new float[] {0}));
        // certainly wrong about class 0: p clips to 1 - 1e-15 and class 0 gets 1 - (1 - 1e-15), which is
        // 9.992e-16 in double, not 1e-15; sklearn computes the same 34.5396
        assertEquals(-Math.log(1 - (1 - 1e-15)), ClassificationMetrics.logLoss(new int[] {0}, new float[] {1}));
        // certainly right: about 1e-15
        assertEquals(1e-15, ClassificationMetrics.logLoss(new int[] {1, 0}, new float[] {1, 0}), 1e-16);
    }

    @Test
    void multiclassLogLossRenormalizesRowsAndReadsTheTrueClassColumn() {
        int[] y = {2, 0};
        float[] proba = {0.1f, 0.2f, 0.7f, 0.25f, 0.25f, 0.0f}; // row 2 sums to 0.5: renormalized to about 0.5
        double row0 = (double) 0.1f + 0.2f + 0.7f;
        double row1 = 0.25 + 0.25 + 1e-15; // the 0 is clipped to eps before the row sum
        double expected = -(Math.log(0.7f / row0) + Math.log(0.25 / row1)) / 2;
        assertEquals(expected, ClassificationMetrics.logLoss(y, proba, 3), 1e-15);
        float[] padded = {9, 9, 0.1f, 0.2f, 0.7f, 0.25f, 0.25f, 0.0f};
        assertEquals(expected, ClassificationMetrics.logLoss(new int[] {5, 2, 0}, 1, padded, 2, 2, 3), 1e-15);
    }

    @Test
    void multiclassWithTwoColumnsEqualsBinary() {
        int[] y = {1, 0, 0, 1};
        float[] one = {0.8f, 0.3f, 0.1f, 0.45f};
        float[] two = new float[8];
        for (int i = 0; i < 4; i++) {
            two[2 * i] = 1 - one[i];
            two[2 * i + 1] = one[i];
        }
        assertEquals(ClassificationMetrics.logLoss(y, one), ClassificationMetrics.logLoss(y, two, 2), 1e-7);
    }

    @Test
    void badInputsAreRefusedNamingArgumentAndValue() {
        assertRefused("yTrue and yPred must have the same length, had 2 and 1",
                () -> ClassificationMetrics.accuracy(new int[2], new int[1]));
        assertRefused("yTrue and yPred must not be empty", () -> ClassificationMetrics.accuracy(new int[0], new int[0]));
        assertRefused("yPred[1] = -1 is not a class label in [0, +inf)",
                () -> ClassificationMetrics.accuracy(new int[2], new int[] {0, -1}));
        assertRefused("yTrue[0] = 2 is not a class label in [0, 2)",
                () -> ClassificationMetrics.logLoss(new int[] {2}, new float[] {0.5f}));
        assertRefused("probaOfOne[1] = NaN is not a probability in [0, 1]",
                () -> ClassificationMetrics.logLoss(new int[] {0, 1}, new float[] {0.5f, Float.NaN}));
        assertRefused("probaOfOne[0] = 1.5 is not a probability in [0, 1]",
                () -> ClassificationMetrics.logLoss(new int[] {0}, new float[] {1.5f}));
        assertRefused("yTrue and probaOfOne must have the same length, had 1 and 2",
                () -> ClassificationMetrics.logLoss(new int[] {0}, new float[] {0.5f, 0.5f}));
        assertRefused("proba must hold yTrue.length * numClasses = 2 * 3 values, had 5",
                () -> ClassificationMetrics.logLoss(new int[2], new float[5], 3));
        assertRefused("numClasses must be >= 2, was 1",
                () -> ClassificationMetrics.logLoss(new int[2], new float[2], 1));
        assertRefused("yTrue[1] = 3 is not a class label in [0, 3)",
                () -> ClassificationMetrics.logLoss(new int[] {0, 3}, new float[6], 3));
        assertRefused("proba[4] = -0.25 is not a probability in [0, 1]",
                () -> ClassificationMetrics.logLoss(new int[] {0, 1}, new float[] {1, 0, 0, 1, -0.25f, 0}, 3));
        assertRefused("proba: offset 1 + n 6 is outside its length 6",
                () -> ClassificationMetrics.logLoss(new int[2], 0, new float[6], 1, 2, 3));
        assertRefused("n must be >= 1 (a metric of no samples is undefined), was 0",
                () -> ClassificationMetrics.logLoss(new int[0], new float[0], 3));
        assertThrows(NullPointerException.class, () -> ClassificationMetrics.logLoss(null, new float[1]));
    }
}
