package dev.lanewise.kernels.internal.scalar;

import dev.lanewise.kernels.internal.FmaPolicy;
import dev.lanewise.kernels.internal.segment.SegmentBlas;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The scalar twin of {@link ScalarBlas} on memory segments: the same loops, left to right, so each result is
 * bit-identical to the array form's.
 */
public final class ScalarSegmentBlas implements SegmentBlas {
    /** The one instance: it holds nothing. */
    public static final ScalarSegmentBlas INSTANCE = new ScalarSegmentBlas();

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private ScalarSegmentBlas() {}

    @Override
    public float dot(long n, MemorySegment x, long xOffset, MemorySegment y, long yOffset) {
        float sum = 0f;
        for (long i = 0; i < n; i++) {
            sum += x.getAtIndex(FLOAT, xOffset + i) * y.getAtIndex(FLOAT, yOffset + i);
        }
        return sum;
    }

    @Override
    public void axpy(long n, float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset) {
        for (long i = 0; i < n; i++) {
            y.setAtIndex(FLOAT, yOffset + i,
                    FmaPolicy.fma(alpha, x.getAtIndex(FLOAT, xOffset + i), y.getAtIndex(FLOAT, yOffset + i)));
        }
    }

    @Override
    public void scal(long n, float alpha, MemorySegment x, long xOffset) {
        for (long i = 0; i < n; i++) {
            x.setAtIndex(FLOAT, xOffset + i, alpha * x.getAtIndex(FLOAT, xOffset + i));
        }
    }

    @Override
    public float sum(long n, MemorySegment x, long xOffset) {
        float sum = 0f;
        for (long i = 0; i < n; i++) {
            sum += x.getAtIndex(FLOAT, xOffset + i);
        }
        return sum;
    }
}
