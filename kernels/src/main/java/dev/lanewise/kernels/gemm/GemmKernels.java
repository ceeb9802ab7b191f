package dev.lanewise.kernels.gemm;

import dev.lanewise.kernels.internal.FmaPolicy;

import java.util.concurrent.Executor;

/**
 * Matrix-vector and matrix-matrix products on row-major matrices with leading dimensions and offsets,
 * and the two bias helpers a dense layer needs.
 *
 * <p>Element {@code (i, j)} of a row-major matrix stored at {@code offset} with leading dimension
 * {@code ld} is {@code array[offset + i * ld + j]}. {@code op(X)} is {@code X} or its transpose: with
 * {@code trans} set, the array holds the transpose, so {@code op(A)(i, p) = a[aOff + p * lda + i]}.
 *
 * <p>Implementations do not check their arguments: the facade {@link Gemm} does, before anything is
 * written. Outputs must not overlap inputs. Following BLAS, {@code beta == 0} never reads the output
 * (NaN there is overwritten) and {@code alpha == 0} or an empty inner dimension never reads {@code A}
 * or {@code B}: the result is then {@code beta * C}. Otherwise NaN in gives NaN out.
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
    void sgemv(boolean trans, int m, int n, float alpha, float[] a, int aOff, int lda,
            float[] x, int xOff, float beta, float[] y, int yOff);

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, C {@code m x n}, op(A) {@code m x k}, op(B) {@code k x n}.
     * A is stored {@code m x k} ({@code k x m} when transposed), B {@code k x n} ({@code n x k} when transposed).
     */
    default void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc, int threads) {
        sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads,
                GemmSettings.executor());
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} as {@link #sgemm(boolean, boolean, int, int, int, float,
     * float[], int, int, float[], int, int, float, float[], int, int, int) sgemm} above, the parts other than
     * the caller's handed to {@code executor} (see "Threads" above: any executor gives the same bits, and
     * none can deadlock the call).
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc, int threads, Executor executor);

    /** {@code c(i, j) += bias[biasOff + j]} for every row i of the {@code m x n} matrix C. */
    void addBiasRows(int m, int n, float[] bias, int biasOff, float[] c, int cOff, int ldc);

    /**
     * The bias gradient: {@code out[outOff + j] = beta * out[outOff + j] + sum over i of g(i, j)}, the sum
     * taken in row order from zero; {@code beta == 0} does not read {@code out}.
     */
    void sumRows(int m, int n, float[] g, int gOff, int ldg, float beta, float[] out, int outOff);
}
