package dev.lanewise.kernels.gemm;

import dev.lanewise.kernels.internal.FmaPolicy;

import java.util.concurrent.Executor;

/**
 * Matrix-vector and matrix-matrix products on row-major matrices with leading dimensions and offsets,
 * and the two bias helpers a dense layer needs.
 *
 * <p>Element {@code (i, j)} of a row-major matrix stored at {@code offset} with leading dimension
 * {@code ld} is {@code array[offset + i * ld + j]}. {@code op(X)} is {@code X} or its transpose: with
 * {@code trans} set, the array holds the transpose, so {@code op(A)(i, p) = a[aOffset + p * lda + i]}.
 *
 * <p>Every instance a caller can obtain ({@link dev.lanewise.kernels.KernelProvider#gemm()}), like the facade
 * {@link Gemm}, checks every argument and bound before it writes anything: a null array throws
 * {@link NullPointerException}, a matrix or vector outside its array {@link IndexOutOfBoundsException}, a
 * negative dimension, a leading dimension below {@code max(1, cols)} of its stored matrix or
 * {@code threads < 1} {@link IllegalArgumentException}.
 *
 * <p>Outputs must not overlap inputs. Following BLAS, {@code beta == 0} never reads the output (NaN there is
 * overwritten) and {@code alpha == 0} or an empty inner dimension never reads {@code A} or {@code B}: the
 * result is then {@code beta * C}. Otherwise NaN in gives NaN out.
 *
 * <h2>How far a result may be from the exact one</h2>
 * With u = 2<sup>-24</sup> and K the inner dimension ({@code n} for {@code sgemv} without transpose,
 * {@code m} with it), every element of every implementation (scalar and vector, any thread count) satisfies
 * <pre>|C - C_exact| &lt;= 2 * (K + 2) * u * (|alpha| * (|op(A)| |op(B)|) + |beta| * |C_in|)_ij</pre>
 * plus an absolute slack of {@code K * 2^-149 * 4} for gradual underflow: each of the K products and
 * additions, the scaling by alpha and the addition of {@code beta * C} rounds at most once; the factor 2
 * covers the different summation orders (blocking over K, fused or separate multiply-add). Results may
 * overflow to infinity where the exact result is near {@code Float.MAX_VALUE}.
 *
 * <p>{@code addBiasRows} and {@code sumRows} are exact between implementations (0 ulp): both add in row
 * order with the same {@link FmaPolicy}.
 *
 * <h2>Threads</h2>
 * {@code threads} is how many threads {@code sgemm} may use (the caller's thread included); small products
 * (under {@link GemmSettings#minSplitFlops()}) run on the caller's thread alone. A split product runs its
 * first part on the caller's thread and hands the others to an {@link Executor}: the caller's, or
 * {@link GemmSettings#executor()}. The result depends on neither: C is split into parts from the sizes and
 * the thread count alone, each element of C is computed by exactly one part, with the same blocking over K
 * and the same operation order, so the same inputs give the same bits for every thread count and executor.
 *
 * <p>For speed the executor should run its tasks concurrently, on other threads (a pool, or
 * {@link java.util.concurrent.Executors#newVirtualThreadPerTaskExecutor()}). Any executor is safe: the
 * caller claims and runs every part no other thread has started, so one that runs tasks on the calling
 * thread ({@code Runnable::run}), queues them behind busy threads (even threads waiting in {@code sgemm}
 * themselves), runs them never, or refuses them, still finishes with the same bits, on the caller's thread.
 * {@code sgemm} returns only when every part has finished.
 *
 * <p>Scratch memory: each thread working on a product borrows packing buffers (up to a few MB for large
 * products) from a small pool shared by the whole JVM and gives them back when its parts are done; the pool
 * keeps at most two sets per processor. So any number of short-lived or virtual threads may call
 * {@code sgemm} without each keeping buffers of its own.
 */
public interface GemmKernels {

    /**
     * {@code y = alpha * op(A) * x + beta * y}, A an {@code m x n} row-major matrix. Without transpose x has
     * n elements and y has m; with it x has m and y has n.
     */
    void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOffset, int lda,
            float[] x, int xOffset, float beta, float[] y, int yOffset);

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, C {@code m x n}, op(A) {@code m x k}, op(B) {@code k x n}.
     * A is stored {@code m x k} ({@code k x m} when transposed), B {@code k x n} ({@code n x k} when transposed).
     */
    default void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
            float beta, float[] c, int cOffset, int ldc, int threads) {
        sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads,
                GemmSettings.executor());
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} as {@link #sgemm(boolean, boolean, int, int, int, float,
     * float[], int, int, float[], int, int, float, float[], int, int, int) sgemm} above, the parts other than
     * the caller's handed to {@code executor} (see "Threads" above: any executor gives the same bits, and
     * none can deadlock the call).
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
            float beta, float[] c, int cOffset, int ldc, int threads, Executor executor);

    /** {@code c(i, j) += bias[biasOffset + j]} for every row i of the {@code m x n} matrix C. */
    void addBiasRows(int m, int n, float[] bias, int biasOffset, float[] c, int cOffset, int ldc);

    /**
     * The bias gradient: column sums of the {@code m x n} matrix G added to {@code beta} times {@code out}.
     * For each {@code j < n}, {@code out[outOffset + j] = beta * out[outOffset + j] + s_j}, where
     * {@code s_j = g(0, j) + g(1, j) + ... + g(m - 1, j)} is summed in float, in row order, starting from +0
     * ({@code m == 0} gives {@code s_j = +0}); {@code beta * out + s_j} is rounded once where
     * {@link FmaPolicy} fuses, else as a rounded product and a rounded sum. {@code beta == 0} (either sign)
     * does not read {@code out}: it writes {@code s_j}, so a NaN or infinity there is overwritten, not
     * propagated. Any other {@code beta}, NaN included, reads {@code out}, and NaN there gives NaN.
     */
    void sumRows(int m, int n, float[] g, int gOffset, int ldg, float beta, float[] out, int outOffset);
}
