package dev.lanewise.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanewise.model.data.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BatchNorm against the formulas, evaluated here in double (PyTorch's BatchNorm1d documentation); the
 * golden test compares with torch itself. Float tolerance: 1e-5 absolute on values of order 1 (a handful
 * of float operations, each 6e-8 relative).
 */
class BatchNormTest {
    private static final int ROWS = 10;
    private static final int SIZE = 4;
    private static final double TOLERANCE = 1e-5;

    @Test
    void startsAsPyTorchDoes() {
        BatchNorm bn = new BatchNorm("bn", SIZE);
        assertEquals(0.1, bn.momentum());
        assertEquals(1e-5, bn.eps());
        assertArrayEquals(new float[] {1, 1, 1, 1}, bn.weight().value());
        assertArrayEquals(new float[SIZE], bn.bias().value());
        assertArrayEquals(new float[SIZE], bn.runningMean());
        assertArrayEquals(new float[] {1, 1, 1, 1}, bn.runningVar());
        assertEquals(List.of("bn.weight", "bn.bias"), bn.parameters().stream().map(Parameter::name).toList());
        assertFalse(bn.weight().decays());
        assertFalse(bn.bias().decays());
        assertEquals(List.of("bn.running_mean", "bn.running_var"), List.copyOf(bn.state().keySet()));
        assertSame(bn.runningMean(), bn.state().get("bn.running_mean"));
        assertSame(bn.runningVar(), bn.state().get("bn.running_var"));
    }

    @Test
    void trainingNormalizesWithTheBatchMeanAndBiasedVariance() {
        BatchNorm bn = configured(0.1, 1e-5);
        Matrix x = random(ROWS, SIZE, 1);
        Matrix y = bn.forward(x, Mode.TRAIN);
        double[][] stats = batchStatistics(x);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < SIZE; c++) {
                double xhat = (x.get(r, c) - stats[0][c]) / Math.sqrt(stats[1][c] + 1e-5);
                assertEquals(bn.weight().value()[c] * xhat + bn.bias().value()[c], y.get(r, c), TOLERANCE);
            }
        }
    }

    @Test
    void trainingMovesTheRunningStatisticsByMomentumWithTheUnbiasedVariance() {
        double momentum = 0.3;
        BatchNorm bn = configured(momentum, 1e-3);
        float[] mean0 = bn.runningMean().clone();
        float[] var0 = bn.runningVar().clone();
        Matrix x = random(ROWS, SIZE, 2);
        bn.forward(x, Mode.TRAIN);
        double[][] stats = batchStatistics(x);
        for (int c = 0; c < SIZE; c++) {
            double unbiased = stats[1][c] * ROWS / (ROWS - 1);
            assertEquals((1 - momentum) * mean0[c] + momentum * stats[0][c], bn.runningMean()[c], 1e-6);
            assertEquals((1 - momentum) * var0[c] + momentum * unbiased, bn.runningVar()[c], 1e-6 * (1 + unbiased));
        }
    }

    @Test
    void inferenceUsesTheRunningStatisticsAndLeavesThemAlone() {
        BatchNorm bn = configured(0.1, 1e-2);
        float[] mean = bn.runningMean().clone();
        float[] var = bn.runningVar().clone();
        Matrix x = random(1, SIZE, 3); // one row is enough: no batch statistics
        Matrix y = bn.forward(x, Mode.INFERENCE);
        for (int c = 0; c < SIZE; c++) {
            double expected = (x.get(0, c) - mean[c]) / Math.sqrt(var[c] + 1e-2) * bn.weight().value()[c]
                    + bn.bias().value()[c];
            assertEquals(expected, y.get(0, c), TOLERANCE);
        }
        assertArrayEquals(mean, bn.runningMean());
        assertArrayEquals(var, bn.runningVar());
    }

    @Test
    void inferenceReadsTheStateArraysAsLoadingWritesThem() {
        BatchNorm bn = configured(0.1, 1e-5);
        Matrix x = random(3, SIZE, 4);
        float[] before = bn.forward(x, Mode.INFERENCE).toArray();
        bn.state().get("bn.running_mean")[2] += 1f;
        float[] after = bn.forward(x, Mode.INFERENCE).toArray();
        for (int r = 0; r < 3; r++) {
            assertEquals(before[r * SIZE], after[r * SIZE]);
            assertEquals(before[r * SIZE + 2] - bn.weight().value()[2] / Math.sqrt(bn.runningVar()[2] + 1e-5),
                    after[r * SIZE + 2], TOLERANCE);
        }
    }

    /**
     * Closed forms of the batch-norm gradient: dbeta is the column sum of dy, dgamma the column sum of
     * dy * xhat, and the input gradient of each column sums to 0 (a shift of a column does not change the
     * output) and is orthogonal to xhat up to the eps term (neither does a scale, but for eps).
     */
    @Test
    void gradientsSatisfyTheirClosedForms() {
        BatchNorm bn = configured(0.1, 1e-5);
        Matrix x = random(ROWS, SIZE, 5);
        bn.forward(x, Mode.TRAIN);
        Matrix dy = random(ROWS, SIZE, 6);
        Matrix dx = bn.backward(dy);
        double[][] stats = batchStatistics(x);
        for (int c = 0; c < SIZE; c++) {
            double dbeta = 0;
            double dgamma = 0;
            double sum = 0;
            double dotXhat = 0;
            double scale = 0;
            for (int r = 0; r < ROWS; r++) {
                double xhat = (x.get(r, c) - stats[0][c]) / Math.sqrt(stats[1][c] + 1e-5);
                dbeta += dy.get(r, c);
                dgamma += dy.get(r, c) * xhat;
                sum += dx.get(r, c);
                dotXhat += dx.get(r, c) * xhat;
                scale += Math.abs(dx.get(r, c)) * (1 + Math.abs(xhat));
            }
            assertEquals(dbeta, bn.bias().grad()[c], TOLERANCE);
            assertEquals(dgamma, bn.weight().grad()[c], TOLERANCE);
            assertEquals(0, sum, 1e-6 * scale);
            // Not quite 0: sum xhat^2 = n var / (var + eps), so the variance path leaves k dgamma eps / (var + eps).
            double k = bn.weight().value()[c] / Math.sqrt(stats[1][c] + 1e-5);
            assertEquals(k * dgamma * 1e-5 / (stats[1][c] + 1e-5), dotXhat, 1e-6 * scale);
        }
    }

    @Test
    void anInferencePassBetweenForwardAndBackwardChangesNoGradient() {
        Matrix x = random(ROWS, SIZE, 7);
        Matrix dy = random(ROWS, SIZE, 8);
        BatchNorm plain = configured(0.1, 1e-5);
        plain.forward(x, Mode.TRAIN);
        float[] expected = plain.backward(dy).toArray();
        BatchNorm interrupted = configured(0.1, 1e-5);
        interrupted.forward(x, Mode.TRAIN);
        interrupted.forward(random(ROWS, SIZE, 9), Mode.INFERENCE);
        assertArrayEquals(expected, interrupted.backward(dy).toArray());
        assertArrayEquals(plain.weight().grad(), interrupted.weight().grad());
    }

    @Test
    void readsInputsWithGapsBetweenRows() {
        Matrix dense = random(ROWS, SIZE, 10);
        Matrix gapped = Matrix.view(new float[ROWS * (SIZE + 2) + 1], 1, ROWS, SIZE, SIZE + 2);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < SIZE; c++) {
                gapped.set(r, c, dense.get(r, c));
            }
        }
        BatchNorm a = configured(0.1, 1e-5);
        BatchNorm b = configured(0.1, 1e-5);
        assertArrayEquals(a.forward(dense, Mode.TRAIN).toArray(), b.forward(gapped, Mode.TRAIN).toArray());
        assertArrayEquals(a.backward(dense).toArray(), b.backward(gapped).toArray());
        assertArrayEquals(a.forward(dense, Mode.INFERENCE).toArray(), b.forward(gapped, Mode.INFERENCE).toArray());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
    void refusesAMomentumOutsideZeroToOne(double momentum) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm("bn", SIZE, momentum, 1e-5));
        assertEquals("momentum must be in [0, 1], was " + momentum, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1e-5, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesANonPositiveOrInfiniteEps(double eps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm("bn", SIZE, 0.1, eps));
        assertEquals("eps must be > 0 and finite, was " + eps, e.getMessage());
    }

    @Test
    void refusesATrainingBatchOfOneRowABadSizeAndAnEarlyBackward() {
        BatchNorm bn = new BatchNorm("bn", SIZE);
        assertThrows(IllegalArgumentException.class, () -> bn.forward(random(1, SIZE, 1), Mode.TRAIN));
        assertThrows(IllegalStateException.class, () -> bn.backward(random(2, SIZE, 1)));
        assertThrows(IllegalArgumentException.class, () -> bn.forward(random(2, SIZE + 1, 1), Mode.TRAIN));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm("bn", 0));
        assertThrows(NullPointerException.class, () -> new BatchNorm(null, SIZE));
    }

    /** gamma, beta and the running statistics away from their starting values. */
    private static BatchNorm configured(double momentum, double eps) {
        BatchNorm bn = new BatchNorm("bn", SIZE, momentum, eps);
        SplittableRandom random = new SplittableRandom(99);
        for (int c = 0; c < SIZE; c++) {
            bn.weight().value()[c] = (float) random.nextDouble(0.5, 2);
            bn.bias().value()[c] = (float) random.nextDouble(-1, 1);
            bn.runningMean()[c] = (float) random.nextDouble(-1, 1);
            bn.runningVar()[c] = (float) random.nextDouble(0.5, 2);
        }
        return bn;
    }

    /** {mean, biased variance} per column, in double. */
    private static double[][] batchStatistics(Matrix x) {
        double[] mean = new double[x.cols()];
        double[] var = new double[x.cols()];
        for (int c = 0; c < x.cols(); c++) {
            for (int r = 0; r < x.rows(); r++) {
                mean[c] += x.get(r, c);
            }
            mean[c] /= x.rows();
            for (int r = 0; r < x.rows(); r++) {
                var[c] += (x.get(r, c) - mean[c]) * (x.get(r, c) - mean[c]);
            }
            var[c] /= x.rows();
        }
        return new double[][] {mean, var};
    }

    /** Columns with different means and spreads. */
    private static Matrix random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.set(r, c, (float) (random.nextGaussian() * (c + 1) + c - 1.5));
            }
        }
        return m;
    }
}
