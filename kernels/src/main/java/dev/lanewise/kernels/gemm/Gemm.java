package dev.lanewise.kernels.gemm;

import dev.lanewise.kernels.Kernels;

import java.util.concurrent.Executor;

/**
 * Matrix-vector and matrix-matrix products and the dense-layer bias helpers, on the kernels {@link Kernels}
 * chose. Every method checks every argument and bound before it writes anything (a null array throws
 * {@link NullPointerException}, a matrix or vector outside its array {@link IndexOutOfBoundsException}, any
 * other bad value {@link IllegalArgumentException}); see {@link GemmKernels} for the layout, the semantics
 * and the error bound.
 */
public final class Gemm {
    // The checked kernels in a static final, so C2 sees one constant receiver, inlines through the checks and
    // folds the vector species into the kernels.
    private static final GemmKernels KERNELS = Kernels.provider().gemm();

    private Gemm() {}

    /** {@code y = alpha * op(A) * x + beta * y}; A is {@code m x n}. */
    public static void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOffset, int lda,
            float[] x, int xOffset, float beta, float[] y, int yOffset) {
        KERNELS.sgemv(trans, m, n, alpha, a, aOffset, lda, x, xOffset, beta, y, yOffset);
    }

    /** {@code C = alpha * op(A) * op(B) + beta * C} on {@link GemmSettings#threads()} threads. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset,
            int ldc) {
        sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                GemmSettings.threads());
    }

    /** {@code C = alpha * op(A) * op(B) + beta * C} on at most {@code threads} threads. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset,
            int ldc, int threads) {
        KERNELS.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads);
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} on at most {@code threads} threads: the caller's and those
     * of {@code executor}, which should run tasks concurrently. Any executor gives the same bits, and none
     * can deadlock the call, not even one that runs tasks on the calling thread (see {@link GemmKernels}).
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset,
            int ldc, int threads, Executor executor) {
        KERNELS.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads,
                executor);
    }

    /** {@code C = A * B} for dense row-major arrays ({@code lda = k}, {@code ldb = ldc = n}). */
    public static void sgemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }

    /** {@code c(i, j) += bias[biasOffset + j]} for every row of the {@code m x n} matrix C. */
    public static void addBiasRows(int m, int n, float[] bias, int biasOffset, float[] c, int cOffset, int ldc) {
        KERNELS.addBiasRows(m, n, bias, biasOffset, c, cOffset, ldc);
    }

    /**
     * The bias gradient: {@code out[outOffset + j] = beta * out[outOffset + j] + (sum over i < m of g(i, j))} for
     * {@code j < n}; {@code beta == 0} does not read {@code out}, so NaN there is overwritten. See
     * {@link GemmKernels#sumRows} for the order and rounding.
     */
    public static void sumRows(int m, int n, float[] g, int gOffset, int ldg, float beta, float[] out, int outOffset) {
        KERNELS.sumRows(m, n, g, gOffset, ldg, beta, out, outOffset);
    }
}
