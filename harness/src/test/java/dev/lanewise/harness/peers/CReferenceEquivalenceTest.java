package dev.lanewise.harness.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.activation.Activations;
import dev.lanewise.kernels.blas.Blas;
import dev.lanewise.kernels.internal.FmaPolicy;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.loss.Losses;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;

import dev.lanewise.harness.bench.peers.CReference;
import dev.lanewise.harness.support.Ulps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The C reference kernels the benchmarks call compute what lanewise computes, within lanewise's own stated
 * tolerances (a C result stands where lanewise's scalar reference stands in them), so that the benchmarks
 * compare equal work. Needs gcc; skipped only where gcc is missing, and fails where gcc runs but the build does.
 */
class CReferenceEquivalenceTest {
    private static final int[] LENGTHS = {0, 1, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 1000, 4097, 100_003};

    @BeforeAll
    static void requireTheLibrary() {
        assumeTrue(NativeData.gccRuns(), "gcc is not installed: the C reference kernels cannot be built");
        assertTrue(CReference.available(), () -> "gcc runs but: " + CReference.library().reason());
    }

    @Test
    void dotIsWithinTheReductionBound() {
        SplittableRandom random = new SplittableRandom(1);
        for (int n : LENGTHS) {
            float[] x = NativeData.uniform(random, n, 1);
            float[] y = NativeData.uniform(random, n, 1);
            double exact = 0;
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                exact += (double) x[i] * y[i];
                magnitude += Math.abs((double) x[i] * y[i]);
            }
            float c = CReference.dot(n, x, y);
            // Any order of n float additions of exact products (fused) is within gamma(n) of the exact sum;
            // lanewise's is too, so the two are within twice that of each other.
            double bound = n == 0 ? 0 : Ulps.gamma(n) * magnitude;
            assertTrue(Math.abs(c - exact) <= bound, "n=" + n + ": C " + c + " vs exact " + exact);
            assertTrue(Math.abs(c - Blas.dot(x, y)) <= 2 * bound, "n=" + n + ": C " + c + " vs lanewise " + Blas.dot(x, y));
        }
    }

    @Test
    void axpyIsExactWhereBothFuse() {
        SplittableRandom random = new SplittableRandom(2);
        for (int n : LENGTHS) {
            float[] x = NativeData.uniform(random, n, 1);
            float[] y = NativeData.uniform(random, n, 1);
            float[] yC = y.clone();
            Blas.axpy(0.37f, x, y);
            CReference.axpy(n, 0.37f, x, yC);
            for (int i = 0; i < n; i++) {
                // gcc -march=native fuses the multiply-add on a CPU with FMA, as lanewise does: the same bits.
                // Where lanewise does not fuse (no FMA, or -Dlanewise.fma=false), they are the unfused
                // product's rounding (half an ulp of it, however much y + alpha x cancels) and one ulp apart.
                double bound = FmaPolicy.USE_FMA ? 0 : Math.ulp(y[i]) + 0.5 * Math.ulp(0.37f * x[i]);
                assertTrue(Math.abs(y[i] - yC[i]) <= bound, "n=" + n + ", i=" + i + ": " + y[i] + " vs C " + yC[i]);
            }
        }
    }

    @Test
    void sigmoidIsWithinAFewUlpsOfTheTruthAndOfLanewise() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : LENGTHS) {
            float[] x = NativeData.uniform(random, n, 30);
            float[] out = new float[n];
            float[] outC = new float[n];
            Activations.sigmoid(x, out);
            CReference.sigmoid(n, x, outC);
            for (int i = 0; i < n; i++) {
                float truth = (float) (1 / (1 + Math.exp(-(double) x[i])));
                // libmvec's vector expf is less exact than glibc's scalar one: 5 ulps after 1 + e and the
                // reciprocal (the worst seen over 2 million points of [-87, 87] was 4, near x = -17); lanewise
                // states 3 ulps for its own, so the two may differ by 8.
                assertTrue(Ulps.distance(outC[i], truth) <= 5, "x=" + x[i] + ": C " + outC[i] + " vs " + truth);
                assertTrue(Ulps.distance(outC[i], out[i]) <= 8, "x=" + x[i] + ": C " + outC[i] + " vs lanewise " + out[i]);
            }
        }
    }

    @Test
    void softmaxCrossEntropyIsWithinLanewisesVectorToScalarBound() {
        LossKernels scalar = Kernels.scalar().losses();
        SplittableRandom random = new SplittableRandom(4);
        int[][] shapes = {{256, 10}, {256, 1000}, {37, 17}, {5, 1}, {3, 64}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            float[] logits = NativeData.uniform(random, rows * cols, rows == 3 ? 80 : 4);
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(cols);
            }
            float[] grad = new float[rows * cols];
            float[] gradC = new float[rows * cols];
            float loss = scalar.softmaxCrossEntropy(rows, cols, logits, 0, cols, labels, 0, grad, 0, cols);
            float lossC = CReference.softmaxCrossEntropy(cols, logits, labels, gradC);
            double gammaCols = Ulps.gamma(cols);
            String where = rows + "x" + cols;
            assertTrue(Math.abs(lossC - loss) <= 2 * gammaCols + 0x1p-21 + Math.ulp(loss),
                    where + ": loss C " + lossC + " vs lanewise " + loss);
            assertEquals(Losses.softmaxCrossEntropy(cols, logits, labels, new float[rows * cols]), loss,
                    2 * gammaCols + 0x1p-21 + Math.ulp(loss), where + ": lanewise's facade against its scalar reference");
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    int i = r * cols + j;
                    double q = grad[i] + (j == labels[r] ? 1.0 / rows : 0);
                    double bound = (2 * gammaCols + 0x1p-20) * q + 2 * Math.ulp(grad[i]) + 0x1p-147;
                    assertTrue(Math.abs(gradC[i] - grad[i]) <= bound,
                            where + " (" + r + ", " + j + "): grad C " + gradC[i] + " vs lanewise " + grad[i]);
                }
            }
        }
    }

    @Test
    void adamStaysWithinTheRoundingOfItsTermsOverSteps() {
        OptimizerKernels scalar = Kernels.scalar().optimizers();
        AdamConfig config = AdamConfig.adam().withLr(1e-3);
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        SplittableRandom random = new SplittableRandom(5);
        int n = 1031;
        float[] param = NativeData.uniform(random, n, 1);
        float[] initial = param.clone();
        float[] paramC = param.clone();
        float[] m = new float[n];
        float[] v = new float[n];
        float[] mC = new float[n];
        float[] vC = new float[n];
        // How far apart the moments may be: each step both sides round the same two terms (gcc and lanewise
        // fuse the multiply-add differently, so up to 4 u of the terms' sizes, however much they cancel),
        // and the gap of the step before shrinks by beta.
        double[] mGap = new double[n];
        double[] vGap = new double[n];
        double[] pGap = new double[n];
        for (long step = 1; step <= 5; step++) {
            float[] grad = NativeData.uniform(random, n, 1);
            float[] mBefore = m.clone();
            float[] vBefore = v.clone();
            scalar.adam(n, param, 0, grad, 0, m, 0, v, 0, null, 0, config, step);
            CReference.adam(n, paramC, grad, mC, vC, config.lr(), beta1, beta2, config.eps(), step);
            double stepSize = config.lr() / (1 - Math.pow(beta1, step));
            double rootBc2 = Math.sqrt(1 - Math.pow(beta2, step));
            for (int i = 0; i < n; i++) {
                String at = "step " + step + ", i=" + i;
                double g = grad[i];
                mGap[i] = beta1 * mGap[i] + 4 * Ulps.U * (beta1 * Math.abs(mBefore[i]) + (1 - beta1) * Math.abs(g));
                vGap[i] = beta2 * vGap[i] + 4 * Ulps.U * (beta2 * vBefore[i] + (1 - beta2) * g * g);
                assertTrue(Math.abs(m[i] - mC[i]) <= mGap[i], at + ": m " + m[i] + " vs C " + mC[i]);
                assertTrue(Math.abs(v[i] - vC[i]) <= vGap[i], at + ": v " + v[i] + " vs C " + vC[i]);
                // The update stepSize * m / (sqrt(v) / rootBc2 + eps) moves by the moments' gaps and its own
                // few roundings; each side rounds the new parameter once more.
                double denom = Math.sqrt(v[i]) / rootBc2 + config.eps();
                double update = stepSize * Math.abs(m[i]) / denom;
                double updateGap = stepSize * mGap[i] / denom + update * (vGap[i] / (2 * v[i]) + 8 * Ulps.U);
                pGap[i] += updateGap + Math.ulp(param[i]);
                assertTrue(Math.abs(param[i] - paramC[i]) <= pGap[i], at + ": param " + param[i] + " vs C " + paramC[i]);
            }
        }
        // The steps moved the parameters: the comparison is not of two untouched arrays.
        assertTrue(!java.util.Arrays.equals(initial, paramC), "the C Adam left the parameters unchanged");
    }
}
