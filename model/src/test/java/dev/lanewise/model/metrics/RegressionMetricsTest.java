package dev.lanewise.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Closed forms and edge cases of the regression metrics; sklearn's values are in {@link MetricsGoldenTest}. */
class RegressionMetricsTest {
    private static final float[] Y_TRUE = {3, -0.5f, 2, 7};
    private static final float[] Y_PRED = {2.5f, 0, 2, 8};

    private static void assertRefused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void matchTheFormulasOnSklearnsDocstringExample() {
        // errors 0.5, -0.5, 0, -1: squares sum to 1.5, absolutes to 2; mean(yTrue) = 2.875, SST = 29.1875
        assertEquals(0.375, RegressionMetrics.mse(Y_TRUE, Y_PRED));
        assertEquals(Math.sqrt(0.375), RegressionMetrics.rmse(Y_TRUE, Y_PRED));
        assertEquals(0.5, RegressionMetrics.mae(Y_TRUE, Y_PRED));
        assertEquals(1 - 1.5 / 29.1875, RegressionMetrics.r2(Y_TRUE, Y_PRED), 1e-16); // sklearn doc: 0.948...
    }

    @Test
    void offsetsSelectTheSameSamples() {
        float[] t = {99, 99, 3, -0.5f, 2, 7};
        float[] p = {-1, 2.5f, 0, 2, 8, -1};
        assertEquals(0.375, RegressionMetrics.mse(t, 2, p, 1, 4));
        assertEquals(Math.sqrt(0.375), RegressionMetrics.rmse(t, 2, p, 1, 4));
        assertEquals(0.5, RegressionMetrics.mae(t, 2, p, 1, 4));
        assertEquals(RegressionMetrics.r2(Y_TRUE, Y_PRED), RegressionMetrics.r2(t, 2, p, 1, 4));
    }

    @Test
    void perfectPredictionsScoreZeroErrorAndR2One() {
        assertEquals(0.0, RegressionMetrics.mse(Y_TRUE, Y_TRUE));
        assertEquals(0.0, RegressionMetrics.mae(Y_TRUE, Y_TRUE));
        assertEquals(1.0, RegressionMetrics.r2(Y_TRUE, Y_TRUE));
    }

    @Test
    void predictingTheMeanScoresR2Zero() {
        float[] t = {1, 2, 3, 6};
        float[] mean = {3, 3, 3, 3};
        assertEquals(0.0, RegressionMetrics.r2(t, mean));
    }

    @Test
    void constantTargetsGiveOneOrZeroAsSklearnsForceFinite() {
        float[] constant = {2, 2, 2};
        assertEquals(1.0, RegressionMetrics.r2(constant, new float[] {2, 2, 2}));
        assertEquals(0.0, RegressionMetrics.r2(constant, new float[] {2, 2, 3}));
    }

    @Test
    void r2OfOneSampleIsNaNAsInSklearn() {
        assertEquals(Double.NaN, RegressionMetrics.r2(new float[] {1}, new float[] {2}));
    }

    @Test
    void errorsAccumulateInDouble() {
        // 2^24 + 1 is not a float sum; in double the 1s are kept
        float[] t = new float[3];
        float[] p = {4096, 1, 1}; // squares 2^24, 1, 1
        assertEquals((16_777_216.0 + 2) / 3, RegressionMetrics.mse(t, p));
    }

    @Test
    void anInfinitePredictionGivesAnInfiniteError() {
        assertEquals(Double.POSITIVE_INFINITY,
                RegressionMetrics.mse(new float[] {1, 2}, new float[] {1, Float.POSITIVE_INFINITY}));
    }

    @Test
    void badInputsAreRefusedNamingArgumentAndValue() {
        assertRefused("yTrue and yPred must have the same length, had 4 and 3",
                () -> RegressionMetrics.mse(Y_TRUE, new float[3]));
        assertRefused("yTrue and yPred must not be empty", () -> RegressionMetrics.mae(new float[0], new float[0]));
        assertRefused("n must be >= 1 (a metric of no samples is undefined), was 0",
                () -> RegressionMetrics.r2(Y_TRUE, 0, Y_PRED, 0, 0));
        assertRefused("yPred: offset 2 + n 3 is outside its length 4",
                () -> RegressionMetrics.mse(Y_TRUE, 0, Y_PRED, 2, 3));
        assertRefused("yTrue: offset -1 + n 3 is outside its length 4",
                () -> RegressionMetrics.mse(Y_TRUE, -1, Y_PRED, 0, 3));
        assertRefused("yPred[1] is NaN", () -> RegressionMetrics.rmse(Y_TRUE, new float[] {1, Float.NaN, 1, 1}));
        assertRefused("yTrue[3] is NaN", () -> RegressionMetrics.r2(new float[] {1, 2, 3, Float.NaN}, Y_PRED));
        assertThrows(NullPointerException.class, () -> RegressionMetrics.mse(null, Y_PRED));
        assertThrows(NullPointerException.class, () -> RegressionMetrics.mse(Y_TRUE, 0, null, 0, 1));
    }
}
