package dev.lanewise.kernels.blas;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.Check;

import java.lang.foreign.MemorySegment;

/**
 * BLAS level-1 operations and reductions, on the kernels {@link Kernels} chose. Each method checks every
 * argument before it writes anything (a null array throws {@link NullPointerException}, a range outside its
 * array {@link IndexOutOfBoundsException}, any other bad value {@link IllegalArgumentException}); see
 * {@link BlasKernels} for the semantics and for how far the vector result may be from the scalar one.
 */
public final class Blas {
    // The checked kernels in a static final, so C2 sees one constant receiver and inlines through the checks
    // straight into the chosen implementation.
    private static final BlasKernels KERNELS = Kernels.provider().blas();

    private Blas() {}

    /** Sum of {@code x[xOffset + i] * y[yOffset + i]}, {@code i < n}. */
    public static float dot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        return KERNELS.dot(n, x, xOffset, y, yOffset);
    }

    /** Dot product of two arrays of the same length. */
    public static float dot(float[] x, float[] y) {
        return KERNELS.dot(Check.sameLength("x", x, "y", y), x, 0, y, 0);
    }

    /** {@code y[i] += alpha * x[i]}. */
    public static void axpy(int n, float alpha, float[] x, int xOffset, float[] y, int yOffset) {
        KERNELS.axpy(n, alpha, x, xOffset, y, yOffset);
    }

    /** {@code y[i] += alpha * x[i]} over two arrays of the same length. */
    public static void axpy(float alpha, float[] x, float[] y) {
        KERNELS.axpy(Check.sameLength("x", x, "y", y), alpha, x, 0, y, 0);
    }

    /** {@code x[i] *= alpha}. */
    public static void scal(int n, float alpha, float[] x, int xOffset) {
        KERNELS.scal(n, alpha, x, xOffset);
    }

    /** {@code x[i] *= alpha} over the whole array. */
    public static void scal(float alpha, float[] x) {
        KERNELS.scal(Check.notNull("x", x).length, alpha, x, 0);
    }

    /** {@code out[i] = a[i] + b[i]}. */
    public static void add(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        KERNELS.add(n, a, aOffset, b, bOffset, out, outOffset);
    }

    /** {@code out[i] = a[i] + b[i]} over arrays of one length. */
    public static void add(float[] a, float[] b, float[] out) {
        KERNELS.add(Check.sameLength("a", a, "b", b, "out", out), a, 0, b, 0, out, 0);
    }

    /** {@code out[i] = a[i] - b[i]}. */
    public static void sub(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        KERNELS.sub(n, a, aOffset, b, bOffset, out, outOffset);
    }

    /** {@code out[i] = a[i] - b[i]} over arrays of one length. */
    public static void sub(float[] a, float[] b, float[] out) {
        KERNELS.sub(Check.sameLength("a", a, "b", b, "out", out), a, 0, b, 0, out, 0);
    }

    /** {@code out[i] = a[i] * b[i]}. */
    public static void mul(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        KERNELS.mul(n, a, aOffset, b, bOffset, out, outOffset);
    }

    /** {@code out[i] = a[i] * b[i]} over arrays of one length. */
    public static void mul(float[] a, float[] b, float[] out) {
        KERNELS.mul(Check.sameLength("a", a, "b", b, "out", out), a, 0, b, 0, out, 0);
    }

    /** {@code out[i] = a[i] / b[i]}. */
    public static void div(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        KERNELS.div(n, a, aOffset, b, bOffset, out, outOffset);
    }

    /** {@code out[i] = a[i] / b[i]} over arrays of one length. */
    public static void div(float[] a, float[] b, float[] out) {
        KERNELS.div(Check.sameLength("a", a, "b", b, "out", out), a, 0, b, 0, out, 0);
    }

    /** Sum of {@code x[i]}. */
    public static float sum(int n, float[] x, int xOffset) {
        return KERNELS.sum(n, x, xOffset);
    }

    /** Sum of the whole array. */
    public static float sum(float[] x) {
        return KERNELS.sum(Check.notNull("x", x).length, x, 0);
    }

    /** Sum of {@code |x[i]|}. */
    public static float asum(int n, float[] x, int xOffset) {
        return KERNELS.asum(n, x, xOffset);
    }

    /** Sum of magnitudes of the whole array. */
    public static float asum(float[] x) {
        return KERNELS.asum(Check.notNull("x", x).length, x, 0);
    }

    /** Euclidean norm, without overflow or underflow. */
    public static float nrm2(int n, float[] x, int xOffset) {
        return KERNELS.nrm2(n, x, xOffset);
    }

    /** Euclidean norm of the whole array. */
    public static float nrm2(float[] x) {
        return KERNELS.nrm2(Check.notNull("x", x).length, x, 0);
    }

    /** Largest element; NaN if any element is NaN. Needs {@code n >= 1}. */
    public static float max(int n, float[] x, int xOffset) {
        return KERNELS.max(n, x, xOffset);
    }

    /** Largest element of a non-empty array. */
    public static float max(float[] x) {
        return KERNELS.max(Check.notNull("x", x).length, x, 0);
    }

    /** Index (from {@code xOffset}) of the first largest element, or of the first NaN. Needs {@code n >= 1}. */
    public static int argmax(int n, float[] x, int xOffset) {
        return KERNELS.argmax(n, x, xOffset);
    }

    /** Index of the first largest element of a non-empty array. */
    public static int argmax(float[] x) {
        return KERNELS.argmax(Check.notNull("x", x).length, x, 0);
    }

    // ---- MemorySegment overloads ----
    //
    // The same operations on java.lang.foreign.MemorySegments, heap or native. Lengths and offsets count floats, not
    // bytes. Checked like the array forms, before anything is written: a segment must be aligned to 4 bytes, and one
    // that is written must not be read-only. A writable heap segment over a float[] runs the array kernel on that
    // array in place; other segments run the segment kernels (dot, axpy, scal, sum) or the array kernels through
    // small staging buffers. BlasSegmentKernels says what each gives and how it is checked.

    private static final BlasSegmentKernels SEGMENTS = Kernels.provider().blasSegments();

    /** Sum of {@code x[xOffset + i] * y[yOffset + i]}, {@code i < n}, over segments; offsets count floats. */
    public static float dot(long n, MemorySegment x, long xOffset, MemorySegment y, long yOffset) {
        return SEGMENTS.dot(n, x, xOffset, y, yOffset);
    }

    /** {@code y[i] += alpha * x[i]} over segments; offsets count floats. */
    public static void axpy(long n, float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset) {
        SEGMENTS.axpy(n, alpha, x, xOffset, y, yOffset);
    }

    /** {@code x[i] *= alpha} over a segment; offsets count floats. */
    public static void scal(long n, float alpha, MemorySegment x, long xOffset) {
        SEGMENTS.scal(n, alpha, x, xOffset);
    }

    /** {@code out[i] = a[i] + b[i]} over segments; offsets count floats. */
    public static void add(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out,
            long outOffset) {
        SEGMENTS.add(n, a, aOffset, b, bOffset, out, outOffset);
    }

    /** {@code out[i] = a[i] - b[i]} over segments; offsets count floats. */
    public static void sub(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out,
            long outOffset) {
        SEGMENTS.sub(n, a, aOffset, b, bOffset, out, outOffset);
    }

    /** {@code out[i] = a[i] * b[i]} over segments; offsets count floats. */
    public static void mul(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out,
            long outOffset) {
        SEGMENTS.mul(n, a, aOffset, b, bOffset, out, outOffset);
    }

    /** {@code out[i] = a[i] / b[i]} over segments; offsets count floats. */
    public static void div(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out,
            long outOffset) {
        SEGMENTS.div(n, a, aOffset, b, bOffset, out, outOffset);
    }

    /** Sum of {@code x[i]} over a segment; offsets count floats. */
    public static float sum(long n, MemorySegment x, long xOffset) {
        return SEGMENTS.sum(n, x, xOffset);
    }

    /** Sum of {@code |x[i]|} over a segment; offsets count floats. */
    public static float asum(long n, MemorySegment x, long xOffset) {
        return SEGMENTS.asum(n, x, xOffset);
    }

    /** Euclidean norm over a segment, without overflow or underflow; offsets count floats. */
    public static float nrm2(long n, MemorySegment x, long xOffset) {
        return SEGMENTS.nrm2(n, x, xOffset);
    }

    /** Largest element of a segment; NaN if any element is NaN. Needs {@code n >= 1}. */
    public static float max(long n, MemorySegment x, long xOffset) {
        return SEGMENTS.max(n, x, xOffset);
    }

    /** Index (from {@code xOffset}) of the first largest element of a segment, or of the first NaN. Needs {@code n >= 1}. */
    public static long argmax(long n, MemorySegment x, long xOffset) {
        return SEGMENTS.argmax(n, x, xOffset);
    }
}
