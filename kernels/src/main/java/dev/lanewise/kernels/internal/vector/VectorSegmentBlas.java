package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.internal.FmaPolicy;
import dev.lanewise.kernels.internal.segment.SegmentBlas;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorBlas}'s {@code dot, axpy, scal, sum} on memory segments at this copy's width
 * ({@link VectorWidth}): the same loops (four accumulators and a masked tail for the sums, four vectors
 * loaded before any is stored for axpy, a scalar tail for the elementwise kernels), loading with
 * {@code FloatVector.fromMemorySegment} in native byte order instead of {@code fromArray}. Indices are
 * {@code long} (a native segment may hold more than 2<sup>31</sup> floats) and turned into byte offsets at
 * each load.
 */
public final class VectorSegmentBlas implements SegmentBlas {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOAT;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;
    private static final long BYTES = Float.BYTES;

    @Override
    public float dot(long n, MemorySegment x, long xOffset, MemorySegment y, long yOffset) {
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        long xb = xOffset * BYTES;
        long yb = yOffset * BYTES;
        long stepBytes = step * BYTES;
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        FloatVector acc2 = FloatVector.zero(s);
        FloatVector acc3 = FloatVector.zero(s);
        long i = 0;
        for (; i <= n - 4L * step; i += 4L * step) {
            long xi = xb + i * BYTES;
            long yi = yb + i * BYTES;
            FloatVector x0 = FloatVector.fromMemorySegment(s, x, xi, ORDER);
            FloatVector x1 = FloatVector.fromMemorySegment(s, x, xi + stepBytes, ORDER);
            FloatVector x2 = FloatVector.fromMemorySegment(s, x, xi + 2 * stepBytes, ORDER);
            FloatVector x3 = FloatVector.fromMemorySegment(s, x, xi + 3 * stepBytes, ORDER);
            FloatVector y0 = FloatVector.fromMemorySegment(s, y, yi, ORDER);
            FloatVector y1 = FloatVector.fromMemorySegment(s, y, yi + stepBytes, ORDER);
            FloatVector y2 = FloatVector.fromMemorySegment(s, y, yi + 2 * stepBytes, ORDER);
            FloatVector y3 = FloatVector.fromMemorySegment(s, y, yi + 3 * stepBytes, ORDER);
            acc0 = (FmaPolicy.USE_FMA ? x0.fma(y0, acc0) : x0.mul(y0).add(acc0));
            acc1 = (FmaPolicy.USE_FMA ? x1.fma(y1, acc1) : x1.mul(y1).add(acc1));
            acc2 = (FmaPolicy.USE_FMA ? x2.fma(y2, acc2) : x2.mul(y2).add(acc2));
            acc3 = (FmaPolicy.USE_FMA ? x3.fma(y3, acc3) : x3.mul(y3).add(acc3));
        }
        for (; i <= n - step; i += step) {
            FloatVector xv = FloatVector.fromMemorySegment(s, x, xb + i * BYTES, ORDER);
            FloatVector yv = FloatVector.fromMemorySegment(s, y, yb + i * BYTES, ORDER);
            acc0 = (FmaPolicy.USE_FMA ? xv.fma(yv, acc0) : xv.mul(yv).add(acc0));
        }
        if (i < n) {
            VectorMask<Float> tail = s.indexInRange(i, n);
            FloatVector xv = FloatVector.fromMemorySegment(s, x, xb + i * BYTES, ORDER, tail);
            FloatVector yv = FloatVector.fromMemorySegment(s, y, yb + i * BYTES, ORDER, tail);
            acc1 = (FmaPolicy.USE_FMA ? xv.fma(yv, acc1) : xv.mul(yv).add(acc1));
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered1 = acc0.add(acc1).add(acc2.add(acc3));
        ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered1 = ordered1.add(ordered1.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        return ordered1.lane(0);
    }

    @Override
    public void axpy(long n, float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset) {
        VectorSpecies<Float> s = SPECIES;
        FloatVector a = FloatVector.broadcast(s, alpha);
        int step = s.length();
        long xb = xOffset * BYTES;
        long yb = yOffset * BYTES;
        long stepBytes = step * BYTES;
        long i = 0;
        // All loads before any store, as in VectorBlas.axpy: x and y a multiple of 4 KiB apart would otherwise
        // make each load wait on the store before it.
        for (; i <= n - 4L * step; i += 4L * step) {
            long xi = xb + i * BYTES;
            long yi = yb + i * BYTES;
            FloatVector x0 = FloatVector.fromMemorySegment(s, x, xi, ORDER);
            FloatVector x1 = FloatVector.fromMemorySegment(s, x, xi + stepBytes, ORDER);
            FloatVector x2 = FloatVector.fromMemorySegment(s, x, xi + 2 * stepBytes, ORDER);
            FloatVector x3 = FloatVector.fromMemorySegment(s, x, xi + 3 * stepBytes, ORDER);
            FloatVector y0 = FloatVector.fromMemorySegment(s, y, yi, ORDER);
            FloatVector y1 = FloatVector.fromMemorySegment(s, y, yi + stepBytes, ORDER);
            FloatVector y2 = FloatVector.fromMemorySegment(s, y, yi + 2 * stepBytes, ORDER);
            FloatVector y3 = FloatVector.fromMemorySegment(s, y, yi + 3 * stepBytes, ORDER);
            (FmaPolicy.USE_FMA ? a.fma(x0, y0) : a.mul(x0).add(y0)).intoMemorySegment(y, yi, ORDER);
            (FmaPolicy.USE_FMA ? a.fma(x1, y1) : a.mul(x1).add(y1)).intoMemorySegment(y, yi + stepBytes, ORDER);
            (FmaPolicy.USE_FMA ? a.fma(x2, y2) : a.mul(x2).add(y2)).intoMemorySegment(y, yi + 2 * stepBytes, ORDER);
            (FmaPolicy.USE_FMA ? a.fma(x3, y3) : a.mul(x3).add(y3)).intoMemorySegment(y, yi + 3 * stepBytes, ORDER);
        }
        for (; i <= n - step; i += step) {
            FloatVector xv = FloatVector.fromMemorySegment(s, x, xb + i * BYTES, ORDER);
            FloatVector yv = FloatVector.fromMemorySegment(s, y, yb + i * BYTES, ORDER);
            (FmaPolicy.USE_FMA ? a.fma(xv, yv) : a.mul(xv).add(yv)).intoMemorySegment(y, yb + i * BYTES, ORDER);
        }
        for (; i < n; i++) {
            y.setAtIndex(FLOAT, yOffset + i,
                    FmaPolicy.fma(alpha, x.getAtIndex(FLOAT, xOffset + i), y.getAtIndex(FLOAT, yOffset + i)));
        }
    }

    @Override
    public void scal(long n, float alpha, MemorySegment x, long xOffset) {
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        long xb = xOffset * BYTES;
        long i = 0;
        for (; i <= n - step; i += step) {
            FloatVector.fromMemorySegment(s, x, xb + i * BYTES, ORDER).mul(alpha).intoMemorySegment(x, xb + i * BYTES, ORDER);
        }
        for (; i < n; i++) {
            x.setAtIndex(FLOAT, xOffset + i, alpha * x.getAtIndex(FLOAT, xOffset + i));
        }
    }

    @Override
    public float sum(long n, MemorySegment x, long xOffset) {
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        long xb = xOffset * BYTES;
        long stepBytes = step * BYTES;
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        FloatVector acc2 = FloatVector.zero(s);
        FloatVector acc3 = FloatVector.zero(s);
        long i = 0;
        for (; i <= n - 4L * step; i += 4L * step) {
            long xi = xb + i * BYTES;
            acc0 = acc0.add(FloatVector.fromMemorySegment(s, x, xi, ORDER));
            acc1 = acc1.add(FloatVector.fromMemorySegment(s, x, xi + stepBytes, ORDER));
            acc2 = acc2.add(FloatVector.fromMemorySegment(s, x, xi + 2 * stepBytes, ORDER));
            acc3 = acc3.add(FloatVector.fromMemorySegment(s, x, xi + 3 * stepBytes, ORDER));
        }
        for (; i <= n - step; i += step) {
            acc0 = acc0.add(FloatVector.fromMemorySegment(s, x, xb + i * BYTES, ORDER));
        }
        if (i < n) {
            acc1 = acc1.add(FloatVector.fromMemorySegment(s, x, xb + i * BYTES, ORDER, s.indexInRange(i, n)));
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered2 = acc0.add(acc1).add(acc2.add(acc3));
        ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered2 = ordered2.add(ordered2.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        return ordered2.lane(0);
    }
}
