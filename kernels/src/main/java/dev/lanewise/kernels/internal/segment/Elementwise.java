package dev.lanewise.kernels.internal.segment;

import java.lang.foreign.MemorySegment;

/**
 * The two shapes most segment overloads share, one input to one output and two inputs to one output, run on
 * checked segments: on the arrays behind heap segments when every operand has one, else staged
 * ({@link Staging}). The kernel arrives as a non-capturing lambda taking the kernels and a float parameter,
 * so no call allocates.
 *
 * <p>Why a lambda here, where the vector kernels write one loop per function: there the lambda would be
 * called per vector inside the hot loop, and a call site shared by many lambdas stops C2 from inlining them.
 * Here it is called once per call, or once per chunk of 2,048 floats, and runs a whole kernel; an
 * uninlined call costs nanoseconds next to that.
 *
 * @see Staging
 */
final class Elementwise {
    private Elementwise() {}

    /** An array kernel with one input and one output. */
    @FunctionalInterface
    interface Unary<K> {
        void run(K kernels, float parameter, int n, float[] x, int xOffset, float[] out, int outOffset);
    }

    /** An array kernel with two inputs and one output. */
    @FunctionalInterface
    interface Binary<K> {
        void run(K kernels, float parameter, int n, float[] a, int aOffset, float[] b, int bOffset, float[] out,
                int outOffset);
    }

    /** {@code op} over checked segments: {@code x} read, {@code out} written. */
    static <K> void unary(K kernels, Unary<K> op, float parameter, long n, MemorySegment x, long xOffset,
            MemorySegment out, long outOffset) {
        float[] xa = Segments.floats(x);
        float[] outa = Segments.floats(out);
        if (xa != null && outa != null) {
            op.run(kernels, parameter, (int) n, xa, Segments.index(x, xOffset), outa, Segments.index(out, outOffset));
            return;
        }
        try (Staging staging = Staging.elements(n)) {
            while (staging.next()) {
                op.run(kernels, parameter, staging.count(), staging.in(0, x, xOffset), 0, staging.out(1), 0);
                staging.store(1, out, outOffset);
            }
        }
    }

    /** {@code op} over checked segments: {@code a} and {@code b} read, {@code out} written. */
    static <K> void binary(K kernels, Binary<K> op, float parameter, long n, MemorySegment a, long aOffset,
            MemorySegment b, long bOffset, MemorySegment out, long outOffset) {
        float[] aa = Segments.floats(a);
        float[] ba = Segments.floats(b);
        float[] outa = Segments.floats(out);
        if (aa != null && ba != null && outa != null) {
            op.run(kernels, parameter, (int) n, aa, Segments.index(a, aOffset), ba, Segments.index(b, bOffset), outa,
                    Segments.index(out, outOffset));
            return;
        }
        try (Staging staging = Staging.elements(n)) {
            while (staging.next()) {
                op.run(kernels, parameter, staging.count(), staging.in(0, a, aOffset), 0, staging.in(1, b, bOffset), 0,
                        staging.out(2), 0);
                staging.store(2, out, outOffset);
            }
        }
    }
}
