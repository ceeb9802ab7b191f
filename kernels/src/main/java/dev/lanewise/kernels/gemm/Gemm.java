package dev.lanewise.kernels.gemm;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.Check;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Matrix-vector and matrix-matrix products and the dense-layer bias helpers, on the kernels {@link Kernels}
 * chose. Every method checks every argument and bound before it writes anything; see {@link GemmKernels}
 * for the layout, the semantics and the error bound.
 */
public final class Gemm {
    // A static final, so C2 sees one constant receiver and folds the vector species into the kernels.
    private static final GemmKernels KERNELS = Kernels.provider().gemm();

    private Gemm() {}

    /** {@code y = alpha * op(A) * x + beta * y}; A is {@code m x n}. */
    public static void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
            float[] x, int xOff, float beta, float[] y, int yOff) {
        checkGemv(trans, m, n, a, aOff, lda, x, xOff, y, yOff);
        KERNELS.sgemv(trans, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    /** {@code C = alpha * op(A) * op(B) + beta * C} on {@link GemmSettings#threads()} threads. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, GemmSettings.threads());
    }

    /** {@code C = alpha * op(A) * op(B) + beta * C} on at most {@code threads} threads. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
            int threads) {
        checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, threads);
        KERNELS.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads);
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} on at most {@code threads} threads: the caller's and those
     * of {@code executor}, which should run tasks concurrently. Any executor gives the same bits, and none
     * can deadlock the call, not even one that runs tasks on the calling thread (see {@link GemmKernels}).
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
            int threads, Executor executor) {
        checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, threads);
        Objects.requireNonNull(executor, "executor");
        KERNELS.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads,
                executor);
    }

    /** {@code C = A * B} for dense row-major arrays ({@code lda = k}, {@code ldb = ldc = n}). */
    public static void sgemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }

    /** {@code c(i, j) += bias[biasOff + j]} for every row of the {@code m x n} matrix C. */
    public static void addBiasRows(int m, int n, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
        Check.matrix("c", c, cOff, m, n, ldc);
        Check.range("bias", bias, biasOff, n);
        KERNELS.addBiasRows(m, n, bias, biasOff, c, cOff, ldc);
    }

    /** {@code out[outOff + j] = beta * out[outOff + j] + sum of column j of G}; G is {@code m x n}. */
    public static void sumRows(int m, int n, float[] g, int gOff, int ldg, float beta, float[] out, int outOff) {
        Check.matrix("g", g, gOff, m, n, ldg);
        Check.range("out", out, outOff, n);
        KERNELS.sumRows(m, n, g, gOff, ldg, beta, out, outOff);
    }

    static void checkGemv(boolean trans, int m, int n, float[] a, int aOff, int lda,
            float[] x, int xOff, float[] y, int yOff) {
        Check.length("m", m);
        Check.length("n", n);
        Check.matrix("a", a, aOff, m, n, lda);
        Check.range("x", x, xOff, trans ? m : n);
        Check.range("y", y, yOff, trans ? n : m);
    }

    static void checkGemm(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, int threads) {
        Check.length("m", m);
        Check.length("n", n);
        Check.length("k", k);
        Check.atLeast("threads", threads, 1);
        Check.matrix("a", a, aOff, transA ? k : m, transA ? m : k, lda);
        Check.matrix("b", b, bOff, transB ? n : k, transB ? k : n, ldb);
        Check.matrix("c", c, cOff, m, n, ldc);
    }
}
