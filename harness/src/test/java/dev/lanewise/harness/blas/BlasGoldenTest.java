package dev.lanewise.harness.blas;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.blas.BlasKernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.Ulps;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values known in closed form, on every implementation, with an odd length (103) so tails always run.
 * With x_i = i + 1 and y_i = 1: sum = n(n+1)/2, dot(x, x) = n(n+1)(2n+1)/6, all exact in float for n = 103.
 */
class BlasGoldenTest {
    private static final int N = 103;

    static List<KernelProvider> implementations() {
        return Kernels.all();
    }

    private static float[] ramp() {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void reductionsOfARampMatchTheirClosedForms(KernelProvider impl) {
        BlasKernels blas = impl.blas();
        float[] x = ramp();
        assertEquals(N * (N + 1) / 2f, blas.sum(N, x, 0), impl.name());
        assertEquals(N * (N + 1) * (2 * N + 1) / 6f, blas.dot(N, x, 0, x, 0), impl.name());
        float[] negated = ramp();
        blas.scal(N, -1f, negated, 0);
        assertEquals(N * (N + 1) / 2f, blas.asum(N, negated, 0), impl.name());
        assertEquals((float) Math.sqrt(N * (N + 1) * (2 * N + 1) / 6.0), blas.nrm2(N, x, 0), impl.name());
        assertEquals(N, blas.max(N, x, 0), impl.name());
        assertEquals(N - 1, blas.argmax(N, x, 0), impl.name());
        assertEquals(0, blas.argmax(N, negated, 0), impl.name());
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void nrm2NeitherOverflowsNorUnderflows(KernelProvider impl) {
        float[] huge = new float[N];
        java.util.Arrays.fill(huge, 3e38f);
        assertEquals((float) (3e38 * Math.sqrt(N)), impl.blas().nrm2(N, huge, 0), 1e33f, impl.name());
        float[] tiny = new float[N];
        java.util.Arrays.fill(tiny, 1e-40f);
        assertEquals((float) (((double) 1e-40f) * Math.sqrt(N)), impl.blas().nrm2(N, tiny, 0), impl.name());
    }

    /**
     * Finite norms of elements whose squares overflow float (1e20 and up, 3e37 with a norm near MAX_VALUE)
     * or underflow it (1e-25, 1e-30), and mixes of both: a float sum of squares returns +Inf or 0 here. The
     * expected values are the norms in double ({@code Math.sqrt} of n x^2, {@code Math.hypot}), rounded once;
     * each result must be within 1 ulp of them.
     */
    @ParameterizedTest
    @MethodSource("implementations")
    void nrm2IsFiniteWhereTheSquaresOverflowOrUnderflowFloat(KernelProvider impl) {
        for (float v : new float[] {1e20f, 1e30f, 3e37f, 1e-25f, 1e-30f, 1e-40f}) {
            float[] x = new float[N];
            java.util.Arrays.fill(x, v);
            assertNrm2(impl, x, Math.sqrt(N) * v, "103 x " + v);
        }
        for (double scale : new double[] {1e30, 1e20, 1e-22, 1e-30}) {
            // 3-4-5 at the first element and in the tail, zeros between.
            float[] x = new float[N];
            x[0] = (float) (3 * scale);
            x[N - 1] = (float) (-4 * scale);
            assertNrm2(impl, x, Math.hypot(x[0], x[N - 1]), "3-4-5 x " + scale);
        }
        // Halves of huge and tiny elements: the tiny ones vanish beside the huge ones, but must not make NaN.
        float[] mixed = new float[N];
        for (int i = 0; i < N; i++) {
            mixed[i] = i % 2 == 0 ? 1e20f : 1e-20f;
        }
        assertNrm2(impl, mixed, Math.sqrt(52) * 1e20f, "1e20 and 1e-20 alternating");
    }

    private static void assertNrm2(KernelProvider impl, float[] x, double expected, String what) {
        float actual = impl.blas().nrm2(x.length, x, 0);
        long ulps = Ulps.distance((float) expected, actual);
        assertTrue(ulps <= 1,
                impl.name() + " nrm2 of " + what + ": expected " + (float) expected + ", was " + actual + " (" + ulps + " ulps)");
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void axpyAndElementwiseOpsMatchHandComputedValues(KernelProvider impl) {
        BlasKernels blas = impl.blas();
        float[] x = ramp();
        float[] y = new float[N];
        java.util.Arrays.fill(y, 0.5f);
        blas.axpy(N, 2f, x, 0, y, 0);
        float[] expected = new float[N];
        for (int i = 0; i < N; i++) {
            expected[i] = 2f * (i + 1) + 0.5f;
        }
        assertArrayEquals(expected, y, impl.name());
        float[] quotient = new float[N];
        blas.div(N, y, 0, x, 0, quotient, 0);
        for (int i = 0; i < N; i++) {
            assertEquals(2f + 0.5f / (i + 1), quotient[i], Math.ulp(2.5f), impl.name());
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void argmaxFindsTheFirstNanAndTheFirstOfTies(KernelProvider impl) {
        float[] x = new float[N];
        x[40] = 7f;
        x[90] = 7f;
        assertEquals(40, impl.blas().argmax(N, x, 0), impl.name());
        x[77] = Float.NaN;
        x[99] = Float.NaN;
        assertEquals(77, impl.blas().argmax(N, x, 0), impl.name());
        assertEquals(Float.NaN, impl.blas().max(N, x, 0), impl.name());
    }
}
