package dev.lanewise.kernels.blas;

import java.lang.foreign.MemorySegment;

/**
 * {@link BlasKernels} on {@link MemorySegment}s, heap or native, so that off-heap data needs no copy by the
 * caller. Each method is the array form of the same name: the same semantics, the same checks, the same
 * kernels underneath.
 *
 * <h2>Segments</h2>
 * Lengths and offsets count floats, not bytes: {@code x[i]} is the float at byte {@code 4 * (xOffset + i)} of
 * {@code x}, in native byte order ({@link java.lang.foreign.ValueLayout#JAVA_FLOAT}). Every instance a caller
 * can obtain ({@link dev.lanewise.kernels.KernelProvider#blasSegments()}), like the facade {@link Blas}, checks
 * every argument before it writes anything: a null segment throws {@link NullPointerException} naming it; a
 * negative offset or a range past the segment's end {@link IndexOutOfBoundsException}; a negative {@code n}
 * ({@code n < 1} for {@code max} and {@code argmax}), a segment not aligned to 4 bytes
 * ({@link MemorySegment#maxByteAlignment()} below 4, such as a heap segment over a {@code byte[]}: a float of
 * it could not be read with {@code JAVA_FLOAT} either) and a read-only segment given as an output
 * {@link IllegalArgumentException}, as the JDK does for such accesses; a segment whose arena is closed
 * {@link IllegalStateException} and one confined to another thread {@link WrongThreadException}. Outputs may
 * be an input at the same offset (in-place); partial overlap is undefined.
 *
 * <h2>How they run</h2>
 * <ul>
 *   <li>Every operand a writable heap segment over a {@code float[]}: the array kernel runs on those arrays at
 *       the segments' positions. Zero copy, the same kernel, the same bits as the array form.</li>
 *   <li>Otherwise (native segments, read-only ones, heap segments over other arrays, or a mix):
 *       {@code dot, axpy, scal, sum} read and write the segments directly with the implementation's segment
 *       kernels (the vector implementation loads with {@code FloatVector.fromMemorySegment}), which run the
 *       array kernels' loops; every other method copies its operands through small buffers in chunks of
 *       2,048 floats and calls the array kernel on each chunk.</li>
 * </ul>
 *
 * <h2>How far the result may be from the array form's</h2>
 * With u = 2<sup>-24</sup> and gamma(n) = n*u / (1 - n*u), as in {@link BlasKernels}:
 * <ul>
 *   <li>{@code axpy, scal, add, sub, mul, div, max, argmax}: exact (the array form's bits) on every
 *       segment.</li>
 *   <li>{@code dot, sum, asum}: on other segments the sum may run in another order (the segment kernels
 *       follow the array kernels' loops, but only this bound is promised; {@code asum} adds one partial sum
 *       per chunk in double and rounds once); each result stays within gamma(n) of the exact sum, so
 *       |segment - array| &lt;= 2 * gamma(n) * sum|x_i * y_i| for {@code dot} and 2 * gamma(n) * sum|x_i| for
 *       {@code sum} and {@code asum}, the bound that separates the vector and scalar array forms.
 *       Overflowing partial sums may give an infinity or NaN on one side only.</li>
 *   <li>{@code nrm2}: within 2 ulps of the array form (one norm per chunk, combined in double).</li>
 * </ul>
 * A reduction staged in one chunk ({@code n <= 2048}) gives the array form's bits.
 */
public interface BlasSegmentKernels {

    /** Sum of {@code x[xOffset + i] * y[yOffset + i]}, {@code i < n}. */
    float dot(long n, MemorySegment x, long xOffset, MemorySegment y, long yOffset);

    /** {@code y[i] = alpha * x[i] + y[i]}. */
    void axpy(long n, float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset);

    /** {@code x[i] = alpha * x[i]}. */
    void scal(long n, float alpha, MemorySegment x, long xOffset);

    /** {@code out[i] = a[i] + b[i]}. */
    void add(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out, long outOffset);

    /** {@code out[i] = a[i] - b[i]}. */
    void sub(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out, long outOffset);

    /** {@code out[i] = a[i] * b[i]}. */
    void mul(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out, long outOffset);

    /** {@code out[i] = a[i] / b[i]}. */
    void div(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out, long outOffset);

    /** Returns the sum of {@code x[i]}. */
    float sum(long n, MemorySegment x, long xOffset);

    /** Returns the sum of {@code |x[i]|}. */
    float asum(long n, MemorySegment x, long xOffset);

    /** Returns the Euclidean norm, computed without overflow or underflow for any float input. */
    float nrm2(long n, MemorySegment x, long xOffset);

    /** Returns the largest element ({@link Math#max} semantics: NaN wins, +0 above -0); needs n &gt;= 1. */
    float max(long n, MemorySegment x, long xOffset);

    /**
     * Returns the index, relative to {@code xOffset}, of the first element equal to {@link #max}; the first
     * NaN if there is one. Needs n &gt;= 1.
     */
    long argmax(long n, MemorySegment x, long xOffset);
}
