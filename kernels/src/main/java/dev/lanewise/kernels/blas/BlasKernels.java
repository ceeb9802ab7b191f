package dev.lanewise.kernels.blas;

import dev.lanewise.kernels.internal.FmaPolicy;

/**
 * BLAS level-1 operations and reductions over contiguous float ranges ({@code array[offset, offset + n)}).
 *
 * <p>Every instance a caller can obtain ({@link dev.lanewise.kernels.KernelProvider#blas()}), like the facade
 * {@link Blas}, checks its arguments before it writes anything: a null array throws
 * {@link NullPointerException}, a range outside its array {@link IndexOutOfBoundsException}, a negative
 * {@code n} (or {@code n < 1} for {@code max} and {@code argmax}) {@link IllegalArgumentException}.
 * Elementwise outputs may alias an input at the same offset (in-place); partial overlap is undefined.
 *
 * <h2>How far the vector result may be from the scalar one</h2>
 * With u = 2<sup>-24</sup> and gamma(n) = n*u / (1 - n*u) (for n*u &lt; 1):
 * <ul>
 *   <li>{@code axpy, scal, add, sub, mul, div}: exact (0 ulp). Both paths perform the same operations in
 *       the same order; {@code axpy} fuses exactly when {@link FmaPolicy#USE_FMA} is true.</li>
 *   <li>{@code max, argmax}: exact (a selection, no rounding).</li>
 *   <li>{@code dot}: |vector - scalar| &lt;= 2 * gamma(n) * sum|x_i * y_i|; {@code sum}:
 *       |vector - scalar| &lt;= 2 * gamma(n) * sum|x_i|; {@code asum}: the same bound with sum|x_i|.
 *       The summation order differs (several accumulators), each result is within gamma(n) of the exact
 *       sum. When partial sums overflow, either path may return an infinity or NaN where the other does
 *       not; a finite result always lies within the bound.</li>
 *   <li>{@code nrm2}: at most 1 ulp. Both paths square and accumulate in double, where no float can
 *       overflow or underflow, and round once at the end.</li>
 * </ul>
 * NaN in gives NaN out for every reduction; {@code argmax} returns the index of the first NaN.
 */
public interface BlasKernels {

    /** Returns sum of {@code x[xOffset + i] * y[yOffset + i]} for {@code i < n}. */
    float dot(int n, float[] x, int xOffset, float[] y, int yOffset);

    /** {@code y[i] = alpha * x[i] + y[i]}. */
    void axpy(int n, float alpha, float[] x, int xOffset, float[] y, int yOffset);

    /** {@code x[i] = alpha * x[i]}. */
    void scal(int n, float alpha, float[] x, int xOffset);

    /** {@code out[i] = a[i] + b[i]}. */
    void add(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset);

    /** {@code out[i] = a[i] - b[i]}. */
    void sub(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset);

    /** {@code out[i] = a[i] * b[i]}. */
    void mul(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset);

    /** {@code out[i] = a[i] / b[i]}. */
    void div(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset);

    /** Returns the sum of {@code x[i]}. */
    float sum(int n, float[] x, int xOffset);

    /** Returns the sum of {@code |x[i]|}. */
    float asum(int n, float[] x, int xOffset);

    /** Returns the Euclidean norm, computed without overflow or underflow for any float input. */
    float nrm2(int n, float[] x, int xOffset);

    /** Returns the largest element ({@link Math#max} semantics: NaN wins, +0 above -0); needs n &gt;= 1. */
    float max(int n, float[] x, int xOffset);

    /**
     * Returns the index, relative to {@code xOffset}, of the first element equal to {@link #max}; the first
     * NaN if there is one. Needs n &gt;= 1.
     */
    int argmax(int n, float[] x, int xOffset);
}
