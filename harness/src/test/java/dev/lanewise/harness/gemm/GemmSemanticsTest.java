package dev.lanewise.harness.gemm;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.gemm.Gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Small products worked out by hand, and the BLAS conventions for alpha, beta and NaN, on every implementation. */
class GemmSemanticsTest {
    // A = [1 2 3; 4 5 6] (2x3), B = [7 8; 9 10; 11 12] (3x2): A*B = [58 64; 139 154].
    private static final float[] A = {1, 2, 3, 4, 5, 6};
    private static final float[] B = {7, 8, 9, 10, 11, 12};
    private static final float[] A_T = {1, 4, 2, 5, 3, 6};
    private static final float[] B_T = {7, 9, 11, 8, 10, 12};
    private static final float[] AB = {58, 64, 139, 154};

    @Test
    void everyTransposeCombinationGivesTheHandComputedProduct() {
        for (KernelProvider impl : Kernels.all()) {
            for (int combo = 0; combo < 4; combo++) {
                boolean ta = (combo & 1) != 0;
                boolean tb = (combo & 2) != 0;
                float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
                impl.gemm().sgemm(ta, tb, 2, 2, 3, 1f, ta ? A_T : A, 0, ta ? 2 : 3, tb ? B_T : B, 0, tb ? 3 : 2, 0f, c, 0, 2, 1);
                assertArrayEquals(AB, c, impl.name() + " transA=" + ta + " transB=" + tb);
            }
        }
    }

    @Test
    void alphaAndBetaScaleAsStated() {
        for (KernelProvider impl : Kernels.all()) {
            float[] c = {1, 2, 3, 4};
            impl.gemm().sgemm(false, false, 2, 2, 3, 2f, A, 0, 3, B, 0, 2, -1f, c, 0, 2, 1);
            assertArrayEquals(new float[] {115, 126, 275, 304}, c, impl.name());
        }
    }

    @Test
    void betaZeroOverwritesNanInC() {
        for (KernelProvider impl : Kernels.all()) {
            for (int size : new int[] {3, 40}) {
                float[] a = new float[size * size];
                float[] b = new float[size * size];
                Arrays.fill(a, 1f);
                Arrays.fill(b, 0.5f);
                float[] c = new float[size * size];
                Arrays.fill(c, Float.NaN);
                impl.gemm().sgemm(false, true, size, size, size, 1f, a, 0, size, b, 0, size, 0f, c, 0, size, 2);
                for (float v : c) {
                    assertTrue(v == size * 0.5f, impl.name() + " size " + size + ": " + v);
                }
            }
        }
    }

    @Test
    void alphaZeroDoesNotReadAOrB() {
        for (KernelProvider impl : Kernels.all()) {
            float[] nanA = {Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN};
            float[] c = {1, 2, 3, 4};
            impl.gemm().sgemm(false, false, 2, 2, 3, 0f, nanA, 0, 3, B, 0, 2, 3f, c, 0, 2, 1);
            assertArrayEquals(new float[] {3, 6, 9, 12}, c, impl.name());
        }
    }

    @Test
    void nanInAGivesNanInItsRowOnly() {
        for (KernelProvider impl : Kernels.all()) {
            float[] a = A.clone();
            a[4] = Float.NaN; // row 1
            float[] c = new float[4];
            impl.gemm().sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, B, 0, 2, 0f, c, 0, 2, 1);
            assertTrue(c[0] == 58 && c[1] == 64 && Float.isNaN(c[2]) && Float.isNaN(c[3]), impl.name() + Arrays.toString(c));
        }
    }

    @Test
    void sgemvBothWaysGivesTheHandComputedProducts() {
        for (KernelProvider impl : Kernels.all()) {
            float[] y = {Float.NaN, Float.NaN};
            impl.gemm().sgemv(false, 2, 3, 1f, A, 0, 3, new float[] {1, 1, 2}, 0, 0f, y, 0);
            assertArrayEquals(new float[] {9, 21}, y, impl.name() + " A x");
            float[] yt = {1, 1, 1};
            impl.gemm().sgemv(true, 2, 3, 2f, A, 0, 3, new float[] {1, -1}, 0, 1f, yt, 0);
            assertArrayEquals(new float[] {-5, -5, -5}, yt, impl.name() + " A^T x");
        }
    }

    @Test
    void biasHelpersAddAndSumByColumn() {
        for (KernelProvider impl : Kernels.all()) {
            float[] c = A.clone();
            impl.gemm().addBiasRows(2, 3, new float[] {0, 10, 20, 30}, 1, c, 0, 3);
            assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, c, impl.name() + " addBiasRows");
            float[] out = {Float.NaN, Float.NaN, Float.NaN};
            impl.gemm().sumRows(2, 3, A, 0, 3, 0f, out, 0);
            assertArrayEquals(new float[] {5, 7, 9}, out, impl.name() + " sumRows");
            impl.gemm().sumRows(2, 3, A, 0, 3, 2f, out, 0);
            assertArrayEquals(new float[] {15, 21, 27}, out, impl.name() + " sumRows beta 2");
        }
    }

    @Test
    void facadeComputesTheProductOnTheChosenKernels() {
        float[] c = new float[4];
        Gemm.sgemm(2, 2, 3, A, B, c);
        assertArrayEquals(AB, c);
    }
}
