package dev.lanewise.harness.gemm;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;

import static dev.lanewise.harness.support.Assertions2.assertSameBits;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Packing is a copy: an operand handed over as itself or transposed reaches the micro-kernels as the same
 * panels, so C must have the same bits either way. Each transpose takes another packing routine (a row-major A
 * by permutes at 512 bits and gathers below, a transposed A by row copies; B by row splits or by gathers), so a
 * float put in the wrong place by any of them shows here exactly, which the error-bound properties would only
 * catch if it moved far. The shapes pack A (n above 4 panels of the widest kernel, k above 16) with K runs
 * that are and are not whole vectors, full and cut 6-row panels, one or two K blocks, and (110 rows) more than one
 * block of panels of a transposed A.
 */
class GemmPackingInvarianceTest {
    private static final int[][] SHAPES = {{13, 150, 17}, {12, 160, 40}, {25, 131, 100}, {7, 200, 300}, {110, 140, 150}};

    @Test
    void aGivenAsItselfOrTransposedGivesTheSameBits() {
        assertOneOperandEitherWay(true);
    }

    @Test
    void bGivenAsItselfOrTransposedGivesTheSameBits() {
        assertOneOperandEitherWay(false);
    }

    /** C = A B with A and B as they are, against the same product with A (or B) handed over transposed. */
    private static void assertOneOperandEitherWay(boolean transposeA) {
        for (KernelProvider impl : Kernels.all()) {
            for (int[] shape : SHAPES) {
                int m = shape[0];
                int n = shape[1];
                int k = shape[2];
                SplittableRandom random = new SplittableRandom(m * 31L + n * 7L + k + (transposeA ? 0 : 1));
                float[] a = values(random, m * k);
                float[] b = values(random, k * n);
                float[] asIs = new float[m * n];
                float[] viaTranspose = new float[m * n];
                impl.gemm().sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, asIs, 0, n, 1);
                if (transposeA) {
                    impl.gemm().sgemm(true, false, m, n, k, 1f, transpose(a, m, k), 0, m, b, 0, n, 0f, viaTranspose, 0, n, 1);
                } else {
                    impl.gemm().sgemm(false, true, m, n, k, 1f, a, 0, k, transpose(b, k, n), 0, k, 0f, viaTranspose, 0, n, 1);
                }
                assertSameBits(asIs, viaTranspose,
                        impl.name() + " " + m + "x" + n + "x" + k + (transposeA ? ", A vs A^T" : ", B vs B^T"));
            }
        }
    }

    private static float[] transpose(float[] x, int rows, int cols) {
        float[] t = new float[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }

    private static float[] values(SplittableRandom random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }
}
