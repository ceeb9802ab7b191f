package dev.lanewise.kernels.internal.segment;

import java.lang.foreign.MemorySegment;

/**
 * What an implementation supplies for the BLAS-1 kernels that read and write memory segments directly, without
 * staging: the four whose array forms are so cheap per element ({@code dot, axpy, scal, sum}: one or two
 * flops per float moved) that copying through a buffer would cost as much as the work. Every other segment
 * overload stages its operands through arrays and calls the array kernels ({@link Staging}).
 *
 * <p>Unchecked, like the array kernels: {@link CheckedBlasSegments} checks every argument first. Lengths and
 * offsets count floats; every segment is already known to be alive, accessible, aligned to 4 bytes and large
 * enough; floats are read in native byte order. Each method computes what its {@code BlasKernels} array form
 * computes, in the same order where the result is a sum.
 */
public interface SegmentBlas {

    /** Sum of {@code x[xOffset + i] * y[yOffset + i]}, {@code i < n}. */
    float dot(long n, MemorySegment x, long xOffset, MemorySegment y, long yOffset);

    /** {@code y[i] = alpha * x[i] + y[i]}, fused as {@code FmaPolicy} says. */
    void axpy(long n, float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset);

    /** {@code x[i] = alpha * x[i]}. */
    void scal(long n, float alpha, MemorySegment x, long xOffset);

    /** Sum of {@code x[xOffset + i]}, {@code i < n}. */
    float sum(long n, MemorySegment x, long xOffset);
}
