package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.gemm.GemmKernels;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The checking layer over one implementation's GEMM kernels: each method checks every dimension, leading
 * dimension and bound, naming the argument and its value, before it delegates, so a refused call writes
 * nothing.
 *
 * <p>A record because C2 trusts a record's final fields as constants: the facade holds this wrapper in a
 * {@code static final}, so {@code kernels} folds to a constant receiver and the implementation's method
 * inlines into the call site as if there were no wrapper.
 *
 * @param kernels the unchecked implementation
 */
public record CheckedGemm(GemmKernels kernels) implements GemmKernels {

    public CheckedGemm {
        Objects.requireNonNull(kernels, "kernels");
    }

    @Override
    public void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOffset, int lda,
            float[] x, int xOffset, float beta, float[] y, int yOffset) {
        checkGemv(trans, m, n, a, aOffset, lda, x, xOffset, y, yOffset);
        kernels.sgemv(trans, m, n, alpha, a, aOffset, lda, x, xOffset, beta, y, yOffset);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
            float beta, float[] c, int cOffset, int ldc, int threads, Executor executor) {
        checkGemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, threads);
        Objects.requireNonNull(executor, "executor");
        kernels.sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
                threads, executor);
    }

    @Override
    public void addBiasRows(int m, int n, float[] bias, int biasOffset, float[] c, int cOffset, int ldc) {
        Check.matrix("c", c, cOffset, m, n, ldc);
        Check.range("bias", bias, biasOffset, n);
        kernels.addBiasRows(m, n, bias, biasOffset, c, cOffset, ldc);
    }

    @Override
    public void sumRows(int m, int n, float[] g, int gOffset, int ldg, float beta, float[] out, int outOffset) {
        Check.matrix("g", g, gOffset, m, n, ldg);
        Check.range("out", out, outOffset, n);
        kernels.sumRows(m, n, g, gOffset, ldg, beta, out, outOffset);
    }

    /** The checks of {@link #sgemv}: dimensions, A's shape, and x and y sized for {@code trans}. */
    public static void checkGemv(boolean trans, int m, int n, float[] a, int aOffset, int lda,
            float[] x, int xOffset, float[] y, int yOffset) {
        Check.length("m", m);
        Check.length("n", n);
        Check.matrix("a", a, aOffset, m, n, lda);
        Check.range("x", x, xOffset, trans ? m : n);
        Check.range("y", y, yOffset, trans ? n : m);
    }

    /**
     * The checks of {@link #sgemm}: dimensions, {@code threads >= 1}, and the shapes of A and B as stored
     * (transposed where asked) and of C. Public so that entry points that hand the product to other threads
     * can refuse a bad call on the caller's thread first.
     */
    public static void checkGemm(boolean transA, boolean transB, int m, int n, int k,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc,
            int threads) {
        Check.length("m", m);
        Check.length("n", n);
        Check.length("k", k);
        Check.atLeast("threads", threads, 1);
        Check.matrix("a", a, aOffset, transA ? k : m, transA ? m : k, lda);
        Check.matrix("b", b, bOffset, transB ? n : k, transB ? k : n, ldb);
        Check.matrix("c", c, cOffset, m, n, ldc);
    }
}
