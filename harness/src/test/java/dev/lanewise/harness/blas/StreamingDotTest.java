package dev.lanewise.harness.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.Implementations;
import dev.lanewise.kernels.KernelProvider;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * dot on arrays larger than L2, where the 512-bit kernels switch to 256-bit loads and eight accumulators
 * ({@code VectorBlas.dotStreaming}, from 2^17 elements): lengths at, around and past the switch, each with
 * a ragged end (whole 64-float steps, then single vectors, then a masked tail), at every width.
 */
class StreamingDotTest {
    private static final int[] LENGTHS = {(1 << 17) - 1, 1 << 17, (1 << 17) + 8, (1 << 17) + 37, 300_001};

    /**
     * Small integers: every partial sum is an integer below 2^24, so any order of summation gives the exact
     * sum, and an element dropped, counted twice or left in an accumulator the fold forgets changes it.
     */
    @Test
    void sumsEveryTermExactlyOnce() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n : LENGTHS) {
            float[] x = new float[n + 3];
            float[] y = new float[n + 5];
            long exact = 0;
            for (int i = 0; i < n; i++) {
                int a = random.nextInt(-3, 4);
                int b = random.nextInt(-3, 4);
                x[i + 3] = a;
                y[i + 5] = b;
                exact += (long) a * b;
            }
            for (KernelProvider vector : Implementations.vectors()) {
                assertEquals((float) exact, vector.blas().dot(n, x, 3, y, 5), vector.name() + ", n = " + n);
            }
        }
    }

    /** Positive terms, where a lost share of them cannot cancel: within gamma(n) of the exact sum. */
    @Test
    void staysWithinTheSumBoundOnPositiveTerms() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n : LENGTHS) {
            float[] x = new float[n];
            float[] y = new float[n];
            double exact = 0;
            for (int i = 0; i < n; i++) {
                x[i] = (float) random.nextDouble(0, 1);
                y[i] = (float) random.nextDouble(0, 1);
                exact += (double) x[i] * y[i];
            }
            double u = 0x1p-24;
            double bound = n * u / (1 - n * u) * exact;
            for (KernelProvider vector : Implementations.vectors()) {
                float actual = vector.blas().dot(n, x, 0, y, 0);
                assertTrue(Math.abs(actual - exact) <= bound, vector.name() + ", n = " + n + ": " + actual
                        + " against the exact " + exact + ", bound " + bound);
            }
        }
    }

    /** The bits depend on n only: the same arrays copied to other offsets give the same result. */
    @Test
    void givesTheSameBitsAtAnyOffset() {
        SplittableRandom random = new SplittableRandom(11);
        int n = (1 << 17) + 37;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
            y[i] = (float) random.nextDouble(-1, 1);
        }
        for (KernelProvider vector : Implementations.vectors()) {
            float reference = vector.blas().dot(n, x, 0, y, 0);
            for (int shift = 1; shift < 17; shift += 5) {
                float[] xs = new float[n + shift];
                float[] ys = new float[n + 2 * shift];
                System.arraycopy(x, 0, xs, shift, n);
                System.arraycopy(y, 0, ys, 2 * shift, n);
                assertEquals(Float.floatToRawIntBits(reference),
                        Float.floatToRawIntBits(vector.blas().dot(n, xs, shift, ys, 2 * shift)),
                        vector.name() + ", offsets " + shift + " and " + 2 * shift);
            }
        }
    }

    /** A NaN or an infinity anywhere, the masked tail included, reaches the result as in the scalar kernel. */
    @Test
    void propagatesNanAndInfinityFromAnyPart() {
        int n = (1 << 17) + 37;
        for (int at : new int[] {0, 63, 64 * 1000 + 5, n - 40, n - 1}) {
            for (float special : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
                float[] x = new float[n];
                float[] y = new float[n];
                java.util.Arrays.fill(x, 0.5f);
                java.util.Arrays.fill(y, 0.25f);
                x[at] = special;
                float expected = Implementations.scalar().blas().dot(n, x, 0, y, 0);
                for (KernelProvider vector : Implementations.vectors()) {
                    assertEquals(expected, vector.blas().dot(n, x, 0, y, 0), vector.name() + ", " + special + " at " + at);
                }
            }
        }
    }
}
