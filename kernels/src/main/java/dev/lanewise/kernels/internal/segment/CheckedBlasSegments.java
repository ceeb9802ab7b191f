package dev.lanewise.kernels.internal.segment;

import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.blas.BlasSegmentKernels;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * {@link BlasSegmentKernels} over one implementation: checks every argument, then runs the array kernel on
 * the arrays behind heap segments, or the implementation's segment kernels ({@code dot, axpy, scal, sum}),
 * or the array kernels staged in chunks (everything else). A record, like the array forms' checking layer,
 * so that held in a {@code static final} its components fold to constants.
 *
 * @param arrays   the implementation's unchecked array kernels
 * @param segments the implementation's unchecked segment kernels
 */
public record CheckedBlasSegments(BlasKernels arrays, SegmentBlas segments) implements BlasSegmentKernels {
    private static final Elementwise.Binary<BlasKernels> ADD = (k, p, n, a, ao, b, bo, out, oo) -> k.add(n, a, ao, b, bo, out, oo);
    private static final Elementwise.Binary<BlasKernels> SUB = (k, p, n, a, ao, b, bo, out, oo) -> k.sub(n, a, ao, b, bo, out, oo);
    private static final Elementwise.Binary<BlasKernels> MUL = (k, p, n, a, ao, b, bo, out, oo) -> k.mul(n, a, ao, b, bo, out, oo);
    private static final Elementwise.Binary<BlasKernels> DIV = (k, p, n, a, ao, b, bo, out, oo) -> k.div(n, a, ao, b, bo, out, oo);

    public CheckedBlasSegments {
        Objects.requireNonNull(arrays, "arrays");
        Objects.requireNonNull(segments, "segments");
    }

    @Override
    public float dot(long n, MemorySegment x, long xOffset, MemorySegment y, long yOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("x", x, xOffset, n);
        SegmentCheck.input("y", y, yOffset, n);
        float[] xa = Segments.floats(x);
        float[] ya = Segments.floats(y);
        if (xa != null && ya != null) {
            return arrays.dot((int) n, xa, Segments.index(x, xOffset), ya, Segments.index(y, yOffset));
        }
        return segments.dot(n, x, xOffset, y, yOffset);
    }

    @Override
    public void axpy(long n, float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("x", x, xOffset, n);
        SegmentCheck.output("y", y, yOffset, n);
        float[] xa = Segments.floats(x);
        float[] ya = Segments.floats(y);
        if (xa != null && ya != null) {
            arrays.axpy((int) n, alpha, xa, Segments.index(x, xOffset), ya, Segments.index(y, yOffset));
        } else {
            segments.axpy(n, alpha, x, xOffset, y, yOffset);
        }
    }

    @Override
    public void scal(long n, float alpha, MemorySegment x, long xOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.output("x", x, xOffset, n);
        float[] xa = Segments.floats(x);
        if (xa != null) {
            arrays.scal((int) n, alpha, xa, Segments.index(x, xOffset));
        } else {
            segments.scal(n, alpha, x, xOffset);
        }
    }

    @Override
    public void add(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out,
            long outOffset) {
        checkBinary(n, a, aOffset, b, bOffset, out, outOffset);
        Elementwise.binary(arrays, ADD, 0f, n, a, aOffset, b, bOffset, out, outOffset);
    }

    @Override
    public void sub(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out,
            long outOffset) {
        checkBinary(n, a, aOffset, b, bOffset, out, outOffset);
        Elementwise.binary(arrays, SUB, 0f, n, a, aOffset, b, bOffset, out, outOffset);
    }

    @Override
    public void mul(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out,
            long outOffset) {
        checkBinary(n, a, aOffset, b, bOffset, out, outOffset);
        Elementwise.binary(arrays, MUL, 0f, n, a, aOffset, b, bOffset, out, outOffset);
    }

    @Override
    public void div(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset, MemorySegment out,
            long outOffset) {
        checkBinary(n, a, aOffset, b, bOffset, out, outOffset);
        Elementwise.binary(arrays, DIV, 0f, n, a, aOffset, b, bOffset, out, outOffset);
    }

    @Override
    public float sum(long n, MemorySegment x, long xOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("x", x, xOffset, n);
        float[] xa = Segments.floats(x);
        if (xa != null) {
            return arrays.sum((int) n, xa, Segments.index(x, xOffset));
        }
        return segments.sum(n, x, xOffset);
    }

    @Override
    public float asum(long n, MemorySegment x, long xOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("x", x, xOffset, n);
        float[] xa = Segments.floats(x);
        if (xa != null) {
            return arrays.asum((int) n, xa, Segments.index(x, xOffset));
        }
        // One partial sum per chunk, added in double (each addition errs by far less than a float ulp) and
        // rounded once: one chunk gives the array form's float unchanged.
        double total = 0;
        try (Staging staging = Staging.elements(n)) {
            while (staging.next()) {
                total += arrays.asum(staging.count(), staging.in(0, x, xOffset), 0);
            }
        }
        return (float) total;
    }

    @Override
    public float nrm2(long n, MemorySegment x, long xOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("x", x, xOffset, n);
        float[] xa = Segments.floats(x);
        if (xa != null) {
            return arrays.nrm2((int) n, xa, Segments.index(x, xOffset));
        }
        // The norm of the chunks' norms: a float squared is exact in double, so one chunk gives its norm back.
        double sumOfSquares = 0;
        try (Staging staging = Staging.elements(n)) {
            while (staging.next()) {
                double norm = arrays.nrm2(staging.count(), staging.in(0, x, xOffset), 0);
                sumOfSquares += norm * norm;
            }
        }
        return (float) Math.sqrt(sumOfSquares);
    }

    @Override
    public float max(long n, MemorySegment x, long xOffset) {
        SegmentCheck.atLeast("n", n, 1);
        SegmentCheck.input("x", x, xOffset, n);
        float[] xa = Segments.floats(x);
        if (xa != null) {
            return arrays.max((int) n, xa, Segments.index(x, xOffset));
        }
        float max = Float.NEGATIVE_INFINITY;
        try (Staging staging = Staging.elements(n)) {
            while (staging.next()) {
                max = Math.max(max, arrays.max(staging.count(), staging.in(0, x, xOffset), 0));
            }
        }
        return max;
    }

    @Override
    public long argmax(long n, MemorySegment x, long xOffset) {
        SegmentCheck.atLeast("n", n, 1);
        SegmentCheck.input("x", x, xOffset, n);
        float[] xa = Segments.floats(x);
        if (xa != null) {
            return arrays.argmax((int) n, xa, Segments.index(x, xOffset));
        }
        // Each chunk's first maximum (or first NaN); a later chunk wins only with a strictly larger value,
        // which keeps the first index of the maximum as one pass over all elements would (-0 ties +0).
        long best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        try (Staging staging = Staging.elements(n)) {
            while (staging.next()) {
                float[] chunk = staging.in(0, x, xOffset);
                int i = arrays.argmax(staging.count(), chunk, 0);
                float value = chunk[i];
                if (Float.isNaN(value)) {
                    return staging.start() + i;
                }
                if (best < 0 || value > bestValue) {
                    best = staging.start() + i;
                    bestValue = value;
                }
            }
        }
        return best;
    }

    private static void checkBinary(long n, MemorySegment a, long aOffset, MemorySegment b, long bOffset,
            MemorySegment out, long outOffset) {
        SegmentCheck.length("n", n);
        SegmentCheck.input("a", a, aOffset, n);
        SegmentCheck.input("b", b, bOffset, n);
        SegmentCheck.output("out", out, outOffset, n);
    }
}
