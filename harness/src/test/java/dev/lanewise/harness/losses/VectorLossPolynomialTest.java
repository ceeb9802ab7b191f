package dev.lanewise.harness.losses;

import static dev.lanewise.harness.support.Assertions2.assertSameBits;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.internal.scalar.ScalarActivations;

import dev.lanewise.harness.support.Implementations;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector losses take exp and log1p from the activations' float polynomials, bit for bit: the lane blocks
 * in {@code VectorLosses} and {@code LossSoftmaxRows} are written by hand, and nothing else would notice if
 * they drifted from {@code gen_vector_activations.py} (the scalar losses, which use {@link Math}, are only
 * within a bound of them). The expected values are computed here from {@link ScalarActivations#exp} and
 * {@link ScalarActivations#log1p} with the float formulas of {@code LossKernels}, on inputs where the order
 * of the lane sums cannot change a bit.
 */
class VectorLossPolynomialTest {
    private static final int N = 1003;

    /** Logits over exp's whole range (0, subnormal and normal results), and the special values. */
    private static float[] logits() {
        float[] z = new float[N];
        for (int i = 0; i < N - 8; i++) {
            z[i] = (float) (-115 + 230.0 * i / (N - 9));
        }
        float[] specials = {0f, -0f, 1000f, -1000f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f};
        System.arraycopy(specials, 0, z, N - 8, 8);
        return z;
    }

    @Test
    void bceWithLogitsGradientUsesThePolynomialExp() {
        float[] z = logits();
        float[] y = new float[N];
        for (int i = 0; i < N; i++) {
            y[i] = new float[] {0f, 1f, 0.3f}[i % 3];
        }
        float invN = 1f / N;
        float[] expected = new float[N];
        for (int i = 0; i < N; i++) {
            float e = ScalarActivations.exp(-Math.abs(z[i]));
            expected[i] = ((z[i] < 0f ? e : 1f) / (e + 1f) - y[i]) * invN;
        }
        for (KernelProvider vector : Implementations.vectors()) {
            float[] grad = new float[N];
            vector.losses().bceWithLogits(N, z, 0, y, 0, grad, 0);
            assertSameBits(expected, grad, vector.name() + " bceWithLogits gradient");
        }
    }

    @Test
    void bceWithLogitsLossOfOneElementUsesThePolynomialLog1p() {
        float[] z = logits();
        for (KernelProvider vector : Implementations.vectors()) {
            float[] grad = new float[1];
            for (int i = 0; i < N; i++) {
                for (float y : new float[] {0f, 1f, 0.7f}) {
                    // One element: its term plus masked-off zeros, divided by 1.
                    float expected = Math.max(z[i], 0f) - z[i] * y + ScalarActivations.log1p(ScalarActivations.exp(-Math.abs(z[i])));
                    float loss = vector.losses().bceWithLogits(1, z, i, new float[] {y}, 0, grad, 0);
                    assertSameBits(expected, loss, vector.name() + " bceWithLogits loss at z = " + z[i] + ", y = " + y);
                }
            }
        }
    }

    /**
     * Rows of one vector or less (two columns, [0, d]): the row sum is 1 + e^d in any lane order, and the
     * gradient e^d * (1 / ((1 + e^d) rows)).
     */
    @Test
    void softmaxCrossEntropyOfNarrowRowsUsesThePolynomialExp() {
        float[] z = logits();
        int rows = 0;
        float[] row = new float[2 * N];
        for (float d : z) {
            if (d <= 0f) {
                row[2 * rows + 1] = d;
                rows++;
            }
        }
        int[] labels = new int[rows];
        float invRows = (float) (1.0 / rows);
        float[] expected = new float[2 * rows];
        for (int r = 0; r < rows; r++) {
            float e = ScalarActivations.exp(row[2 * r + 1]);
            float scale = (float) (1.0 / ((double) (1f + e) * rows));
            expected[2 * r] = 1f * scale - invRows;
            expected[2 * r + 1] = e * scale;
        }
        for (KernelProvider vector : Implementations.vectors()) {
            float[] grad = new float[2 * rows];
            vector.losses().softmaxCrossEntropy(rows, 2, row, 0, 2, labels, 0, grad, 0, 2);
            assertSameBits(expected, grad, vector.name() + " softmaxCrossEntropy gradient, 2 columns");
        }
    }

    /**
     * Rows wider than a vector (61 columns: unrolled loop, single steps and a masked tail at every width): one
     * logit 0, the others at most -23, so that their exponentials together stay below half an ulp of 1 and
     * every lane order sums the row to exactly 1; the gradient is then e^x * (1 / rows), with rows a power of 2.
     */
    @Test
    void softmaxCrossEntropyOfWideRowsUsesThePolynomialExp() {
        int rows = 16;
        int cols = 61;
        SplittableRandom random = new SplittableRandom(3);
        float[] logits = new float[rows * cols];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                logits[r * cols + j] = (float) random.nextDouble(-110, -23);
            }
            labels[r] = random.nextInt(cols);
            logits[r * cols + labels[r]] = 0f;
        }
        float scale = 1f / rows;
        float[] expected = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                float e = ScalarActivations.exp(logits[r * cols + j]);
                expected[r * cols + j] = j == labels[r] ? 0f : e * scale;
            }
        }
        for (KernelProvider vector : Implementations.vectors()) {
            float[] grad = new float[rows * cols];
            vector.losses().softmaxCrossEntropy(rows, cols, logits, 0, cols, labels, 0, grad, 0, cols);
            assertSameBits(expected, grad, vector.name() + " softmaxCrossEntropy gradient, " + cols + " columns");
        }
    }
}
