package dev.lanewise.harness.losses;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.loss.Losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Closed-form values through the facade, in-place gradients, empty inputs and NaN propagation. */
class LossFacadeTest {

    static java.util.List<KernelProvider> implementations() {
        return Kernels.all();
    }

    @Test
    void wholeArrayOverloadsGiveClosedFormValues() {
        float[] grad = new float[4];
        // d = (1, -1, 2, -2): mse = (1+1+4+4)/4 = 2.5, grad = d/2.
        assertEquals(2.5f, Losses.mse(new float[] {1, 0, 2, 0}, new float[] {0, 1, 0, 2}, grad));
        assertArrayEquals(new float[] {0.5f, -0.5f, 1f, -1f}, grad);
        assertEquals(1.5f, Losses.mae(new float[] {1, 0, 2, 0}, new float[] {0, 1, 0, 2}, grad));
        assertArrayEquals(new float[] {0.25f, -0.25f, 0.25f, -0.25f}, grad);
        // huber(delta=1): 0.5, 0.5 (|d| = delta), 1.5, 1.5 -> mean 1.0; grad clamp(d)/4.
        assertEquals(1f, Losses.huber(1f, new float[] {1, 0, 2, 0}, new float[] {0, 1, 0, 2}, grad));
        assertArrayEquals(new float[] {0.25f, -0.25f, 0.25f, -0.25f}, grad);
        // hinge: margins 1 - (1*2), 1 - (-1*0.5), 1 - (1*1), 1 - (-1*-3) -> 0, 1.5, 0, 0 -> mean 0.375.
        assertEquals(0.375f, Losses.hinge(new float[] {2, 0.5f, 1, -3}, new float[] {1, -1, 1, -1}, grad));
        assertArrayEquals(new float[] {0, 0.25f, 0, 0}, grad);
        // bce at z = 0: log 2 for any y; grad (0.5 - y)/n.
        float[] g2 = new float[2];
        assertEquals((float) Math.log(2), Losses.bceWithLogits(new float[] {0, 0}, new float[] {0, 1}, g2), 1e-7f);
        assertArrayEquals(new float[] {0.25f, -0.25f}, g2);
        // softmax over equal logits: log(cols) per row, grad (1/cols - onehot)/rows.
        float[] sg = new float[2 * 4];
        assertEquals((float) Math.log(4), Losses.softmaxCrossEntropy(4, new float[8], new int[] {0, 3}, sg), 1e-6f);
        assertArrayEquals(new float[] {-0.375f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, -0.375f}, sg);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void gradientsCanOverwriteTheirInputsInPlace(KernelProvider impl) {
        LossKernels k = impl.losses();
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        int n = 53;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(-3, 3);
            y[i] = random.nextBoolean() ? 1f : -1f;
        }
        for (String loss : new String[] {"mse", "mae", "huber", "bce", "hinge"}) {
            float[] separate = new float[n];
            float[] inPlace = x.clone();
            float expected = run(k, loss, n, x, y, separate);
            float actual = run(k, loss, n, inPlace, y, inPlace);
            assertEquals(expected, actual, impl.name() + " " + loss + " loss in place");
            assertArrayEquals(separate, inPlace, impl.name() + " " + loss + " gradient in place");
        }
        for (int cols : new int[] {5, 16, 70}) {
            int rows = 6;
            float[] logits = new float[rows * cols];
            int[] labels = new int[rows];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) random.nextDouble(-5, 5);
            }
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(cols);
            }
            float[] separate = new float[logits.length];
            float[] inPlace = logits.clone();
            float expected = k.softmaxCrossEntropy(rows, cols, logits, 0, cols, labels, 0, separate, 0, cols);
            float actual = k.softmaxCrossEntropy(rows, cols, inPlace, 0, cols, labels, 0, inPlace, 0, cols);
            assertEquals(expected, actual, impl.name() + " softmax " + cols + " loss in place");
            assertArrayEquals(separate, inPlace, impl.name() + " softmax " + cols + " gradient in place");
        }
    }

    private static float run(LossKernels k, String loss, int n, float[] x, float[] y, float[] grad) {
        return switch (loss) {
            case "mse" -> k.mse(n, x, 0, y, 0, grad, 0);
            case "mae" -> k.mae(n, x, 0, y, 0, grad, 0);
            case "huber" -> k.huber(n, 0.7f, x, 0, y, 0, grad, 0);
            case "bce" -> k.bceWithLogits(n, x, 0, y, 0, grad, 0);
            case "hinge" -> k.hinge(n, x, 0, y, 0, grad, 0);
            default -> throw new IllegalArgumentException(loss);
        };
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void theMeanOfNothingIsNanAndWritesNothing(KernelProvider impl) {
        LossKernels k = impl.losses();
        float[] grad = {3f};
        assertTrue(Float.isNaN(k.mse(0, new float[0], 0, new float[0], 0, grad, 0)), impl.name());
        assertTrue(Float.isNaN(k.bceWithLogits(0, new float[0], 0, new float[0], 0, grad, 0)), impl.name());
        assertTrue(Float.isNaN(k.softmaxCrossEntropy(0, 3, new float[0], 0, 3, new int[0], 0, grad, 0, 3)), impl.name());
        assertEquals(3f, grad[0], impl.name());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void nanInGivesNanOutForItsElementOrRow(KernelProvider impl) {
        LossKernels k = impl.losses();
        int n = 37;
        float[] x = new float[n];
        float[] y = new float[n];
        x[20] = Float.NaN;
        y[5] = 1f;
        for (String loss : new String[] {"mse", "mae", "huber", "bce", "hinge"}) {
            float[] grad = new float[n];
            assertTrue(Float.isNaN(run(k, loss, n, x, y, grad)), impl.name() + " " + loss + " loss");
            for (int i = 0; i < n; i++) {
                assertEquals(i == 20, Float.isNaN(grad[i]), impl.name() + " " + loss + " gradient " + i);
            }
        }
        int rows = 5;
        int cols = 19;
        float[] logits = new float[rows * cols];
        logits[2 * cols + 7] = Float.NaN;
        float[] grad = new float[rows * cols];
        assertTrue(Float.isNaN(k.softmaxCrossEntropy(rows, cols, logits, 0, cols, new int[rows], 0, grad, 0, cols)), impl.name());
        for (int i = 0; i < grad.length; i++) {
            assertEquals(i / cols == 2, Float.isNaN(grad[i]), impl.name() + " softmax gradient " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void logitsOfPlusMinus1000StayFinite(KernelProvider impl) {
        LossKernels k = impl.losses();
        float[] z = {1000f, -1000f, 1000f, -1000f};
        float[] y = {0f, 1f, 1f, 0f};
        float[] grad = new float[4];
        // (1000 + 1000 + 0 + 0) / 4 = 500; grad (sigmoid - y)/4 = (1, -1, 0, 0)/4.
        assertEquals(500f, k.bceWithLogits(4, z, 0, y, 0, grad, 0), impl.name());
        assertArrayEquals(new float[] {0.25f, -0.25f, 0f, 0f}, grad, impl.name());
        float[] logits = {1000f, -1000f, -1000f, 1000f};
        float[] sg = new float[4];
        // Row 0 label 1: loss 2000; row 1 label 1: loss 0 -> mean 1000.
        assertEquals(1000f, k.softmaxCrossEntropy(2, 2, logits, 0, 2, new int[] {1, 1}, 0, sg, 0, 2), impl.name());
        assertArrayEquals(new float[] {0.5f, -0.5f, 0f, 0f}, sg, impl.name());
    }
}
