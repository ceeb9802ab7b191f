package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.internal.ArrayAlignment;
import dev.lanewise.kernels.internal.FmaPolicy;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlasKernels} on the Vector API at this copy's width ({@link VectorWidth}).
 *
 * <p>Reductions keep four accumulators (one FMA latency's worth of independent chains on AVX2) and finish
 * with a masked load, which costs nothing extra; elementwise loops finish with a scalar tail, because a
 * masked store is dearer than a few scalar ones. At 512 bits, dot of arrays larger than L2 loads 256 bits at
 * a time ({@link #dotStreaming}).
 */
public final class VectorBlas implements BlasKernels {
    private static final VectorSpecies<Float> SPECIES = VectorWidth.FLOAT;
    private static final VectorSpecies<Double> DOUBLES = VectorWidth.DOUBLE;

    @Override
    public float dot(int n, float[] x, int xOffset, float[] y, int yOffset) {
        if (VectorWidth.BITS == 512 && n >= STREAMING_DOT_MIN) {
            return dotStreaming(n, x, xOffset, y, yOffset);
        }
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        FloatVector acc2 = FloatVector.zero(s);
        FloatVector acc3 = FloatVector.zero(s);
        int i = 0;
        for (; i <= n - 4 * step; i += 4 * step) {
            acc0 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, x, xOffset + i)).fma(FloatVector.fromArray(s, y, yOffset + i), acc0) : (FloatVector.fromArray(s, x, xOffset + i)).mul(FloatVector.fromArray(s, y, yOffset + i)).add(acc0));
            acc1 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, x, xOffset + i + step)).fma(FloatVector.fromArray(s, y, yOffset + i + step), acc1) : (FloatVector.fromArray(s, x, xOffset + i + step)).mul(FloatVector.fromArray(s, y, yOffset + i + step)).add(acc1));
            acc2 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, x, xOffset + i + 2 * step)).fma(FloatVector.fromArray(s, y, yOffset + i + 2 * step), acc2) : (FloatVector.fromArray(s, x, xOffset + i + 2 * step)).mul(FloatVector.fromArray(s, y, yOffset + i + 2 * step)).add(acc2));
            acc3 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, x, xOffset + i + 3 * step)).fma(FloatVector.fromArray(s, y, yOffset + i + 3 * step), acc3) : (FloatVector.fromArray(s, x, xOffset + i + 3 * step)).mul(FloatVector.fromArray(s, y, yOffset + i + 3 * step)).add(acc3));
        }
        for (; i <= n - step; i += step) {
            acc0 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, x, xOffset + i)).fma(FloatVector.fromArray(s, y, yOffset + i), acc0) : (FloatVector.fromArray(s, x, xOffset + i)).mul(FloatVector.fromArray(s, y, yOffset + i)).add(acc0));
        }
        if (i < n) {
            VectorMask<Float> tail = s.indexInRange(i, n);
            acc1 = (FmaPolicy.USE_FMA ? (FloatVector.fromArray(s, x, xOffset + i, tail)).fma(FloatVector.fromArray(s, y, yOffset + i, tail), acc1) : (FloatVector.fromArray(s, x, xOffset + i, tail)).mul(FloatVector.fromArray(s, y, yOffset + i, tail)).add(acc1));
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

    /**
     * Where dot switches to {@link #dotStreaming} at 512 bits: from here on x and y (8n bytes) no longer fit
     * a 1 MB L2 together, and the loop streams from L3 or memory.
     */
    static final int STREAMING_DOT_MIN = 1 << 17;

    /**
     * dot of long arrays at 512 bits with 256-bit loads, eight accumulators of eight lanes (64 floats a
     * step, as the 512-bit loop). Why: the JVM puts arrays on 8-byte boundaries, so every 512-bit load
     * straddles two cache lines, and streaming from beyond L2 that cost more than the narrower loads save: on
     * Zen 5 (scratch timer, medians) 1M floats took 106 us with 512-bit loads, 86 us with these, 88-95 us in
     * the C reference; in L2 (64k) the 512-bit loop is faster (2.9 against 3.6 us), and at 128k they tie. A
     * reduction cannot peel to a line instead: its bits would then depend on the arrays' addresses. The bits
     * depend on n only: the same split of the terms into accumulators, the same fold, for every call.
     */
    private static float dotStreaming(int n, float[] x, int xOffset, float[] y, int yOffset) {
        VectorSpecies<Float> s = VectorWidth.FLOAT_HALF;
        int step = s.length();
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        FloatVector acc4 = acc0;
        FloatVector acc5 = acc0;
        FloatVector acc6 = acc0;
        FloatVector acc7 = acc0;
        int i = 0;
        for (; i <= n - 8 * step; i += 8 * step) {
            acc0 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i).fma(FloatVector.fromArray(s, y, yOffset + i), acc0) : FloatVector.fromArray(s, x, xOffset + i).mul(FloatVector.fromArray(s, y, yOffset + i)).add(acc0);
            acc1 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i + step).fma(FloatVector.fromArray(s, y, yOffset + i + step), acc1) : FloatVector.fromArray(s, x, xOffset + i + step).mul(FloatVector.fromArray(s, y, yOffset + i + step)).add(acc1);
            acc2 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i + 2 * step).fma(FloatVector.fromArray(s, y, yOffset + i + 2 * step), acc2) : FloatVector.fromArray(s, x, xOffset + i + 2 * step).mul(FloatVector.fromArray(s, y, yOffset + i + 2 * step)).add(acc2);
            acc3 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i + 3 * step).fma(FloatVector.fromArray(s, y, yOffset + i + 3 * step), acc3) : FloatVector.fromArray(s, x, xOffset + i + 3 * step).mul(FloatVector.fromArray(s, y, yOffset + i + 3 * step)).add(acc3);
            acc4 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i + 4 * step).fma(FloatVector.fromArray(s, y, yOffset + i + 4 * step), acc4) : FloatVector.fromArray(s, x, xOffset + i + 4 * step).mul(FloatVector.fromArray(s, y, yOffset + i + 4 * step)).add(acc4);
            acc5 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i + 5 * step).fma(FloatVector.fromArray(s, y, yOffset + i + 5 * step), acc5) : FloatVector.fromArray(s, x, xOffset + i + 5 * step).mul(FloatVector.fromArray(s, y, yOffset + i + 5 * step)).add(acc5);
            acc6 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i + 6 * step).fma(FloatVector.fromArray(s, y, yOffset + i + 6 * step), acc6) : FloatVector.fromArray(s, x, xOffset + i + 6 * step).mul(FloatVector.fromArray(s, y, yOffset + i + 6 * step)).add(acc6);
            acc7 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i + 7 * step).fma(FloatVector.fromArray(s, y, yOffset + i + 7 * step), acc7) : FloatVector.fromArray(s, x, xOffset + i + 7 * step).mul(FloatVector.fromArray(s, y, yOffset + i + 7 * step)).add(acc7);
        }
        for (; i <= n - step; i += step) {
            acc0 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i).fma(FloatVector.fromArray(s, y, yOffset + i), acc0) : FloatVector.fromArray(s, x, xOffset + i).mul(FloatVector.fromArray(s, y, yOffset + i)).add(acc0);
        }
        if (i < n) {
            VectorMask<Float> tail = s.indexInRange(i, n);
            acc1 = FmaPolicy.USE_FMA ? FloatVector.fromArray(s, x, xOffset + i, tail).fma(FloatVector.fromArray(s, y, yOffset + i, tail), acc1) : FloatVector.fromArray(s, x, xOffset + i, tail).mul(FloatVector.fromArray(s, y, yOffset + i, tail)).add(acc1);
        }
        // Folded in a fixed order, as dot's: reduceLanes(ADD) leaves the order open.
        FloatVector folded = acc0.add(acc1).add(acc2.add(acc3)).add(acc4.add(acc5).add(acc6.add(acc7)));
        folded = folded.add(folded.rearrange(VectorWidth.FLOAT_HALF_FOLD_HALF));
        folded = folded.add(folded.rearrange(VectorWidth.FLOAT_HALF_FOLD_QUARTER));
        folded = folded.add(folded.rearrange(VectorWidth.FLOAT_HALF_FOLD_EIGHTH));
        return folded.lane(0);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOffset, float[] y, int yOffset) {
        VectorSpecies<Float> s = SPECIES;
        FloatVector a = FloatVector.broadcast(s, alpha);
        int step = s.length();
        int i = 0;
        // The stores start on a cache line (see ArrayAlignment): a store that straddles two lines costs two.
        for (int peel = ArrayAlignment.elementsBeforeLine(y, yOffset, n); i < peel; i++) {
            y[yOffset + i] = FmaPolicy.fma(alpha, x[xOffset + i], y[yOffset + i]);
        }
        // Four vectors per iteration, all loads before any store: with one vector at a time, each load of
        // x waited on the store to y just before it whenever x and y sit a multiple of 4 KiB apart (the
        // CPU cannot tell the addresses apart), and at 4096 elements the loop ran at a quarter of C2's
        // own auto-vectorized loop, which unrolls the same way.
        for (; i <= n - 4 * step; i += 4 * step) {
            FloatVector x0 = FloatVector.fromArray(s, x, xOffset + i);
            FloatVector x1 = FloatVector.fromArray(s, x, xOffset + i + step);
            FloatVector x2 = FloatVector.fromArray(s, x, xOffset + i + 2 * step);
            FloatVector x3 = FloatVector.fromArray(s, x, xOffset + i + 3 * step);
            FloatVector y0 = FloatVector.fromArray(s, y, yOffset + i);
            FloatVector y1 = FloatVector.fromArray(s, y, yOffset + i + step);
            FloatVector y2 = FloatVector.fromArray(s, y, yOffset + i + 2 * step);
            FloatVector y3 = FloatVector.fromArray(s, y, yOffset + i + 3 * step);
            (FmaPolicy.USE_FMA ? (a).fma(x0, y0) : (a).mul(x0).add(y0)).intoArray(y, yOffset + i);
            (FmaPolicy.USE_FMA ? (a).fma(x1, y1) : (a).mul(x1).add(y1)).intoArray(y, yOffset + i + step);
            (FmaPolicy.USE_FMA ? (a).fma(x2, y2) : (a).mul(x2).add(y2)).intoArray(y, yOffset + i + 2 * step);
            (FmaPolicy.USE_FMA ? (a).fma(x3, y3) : (a).mul(x3).add(y3)).intoArray(y, yOffset + i + 3 * step);
        }
        for (; i <= n - step; i += step) { // not loopBound(n): i starts after the peel, off the lane grid
            FloatVector yv = FloatVector.fromArray(s, y, yOffset + i);
            (FmaPolicy.USE_FMA ? (a).fma(FloatVector.fromArray(s, x, xOffset + i), yv) : (a).mul(FloatVector.fromArray(s, x, xOffset + i)).add(yv)).intoArray(y, yOffset + i);
        }
        for (; i < n; i++) {
            y[yOffset + i] = FmaPolicy.fma(alpha, x[xOffset + i], y[yOffset + i]);
        }
    }

    @Override
    public void scal(int n, float alpha, float[] x, int xOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector.fromArray(s, x, xOffset + i).mul(alpha).intoArray(x, xOffset + i);
        }
        for (; i < n; i++) {
            x[xOffset + i] = alpha * x[xOffset + i];
        }
    }

    @Override
    public void add(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector.fromArray(s, a, aOffset + i).add(FloatVector.fromArray(s, b, bOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    @Override
    public void sub(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector.fromArray(s, a, aOffset + i).sub(FloatVector.fromArray(s, b, bOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
        }
    }

    @Override
    public void mul(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector.fromArray(s, a, aOffset + i).mul(FloatVector.fromArray(s, b, bOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    @Override
    public void div(int n, float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset) {
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector.fromArray(s, a, aOffset + i).div(FloatVector.fromArray(s, b, bOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) {
            out[outOffset + i] = a[aOffset + i] / b[bOffset + i];
        }
    }

    // sum and asum are two loops, not one loop over a flag with a helper that loads (and maybe takes the
    // magnitude of) a vector: no method here takes or returns a vector (see the package doc).

    @Override
    public float sum(int n, float[] x, int xOffset) {
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        FloatVector acc2 = FloatVector.zero(s);
        FloatVector acc3 = FloatVector.zero(s);
        int i = 0;
        for (; i <= n - 4 * step; i += 4 * step) {
            acc0 = acc0.add(FloatVector.fromArray(s, x, xOffset + i));
            acc1 = acc1.add(FloatVector.fromArray(s, x, xOffset + i + step));
            acc2 = acc2.add(FloatVector.fromArray(s, x, xOffset + i + 2 * step));
            acc3 = acc3.add(FloatVector.fromArray(s, x, xOffset + i + 3 * step));
        }
        for (; i <= n - step; i += step) {
            acc0 = acc0.add(FloatVector.fromArray(s, x, xOffset + i));
        }
        if (i < n) {
            acc1 = acc1.add(FloatVector.fromArray(s, x, xOffset + i, s.indexInRange(i, n)));
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

    @Override
    public float asum(int n, float[] x, int xOffset) {
        VectorSpecies<Float> s = SPECIES;
        int step = s.length();
        FloatVector acc0 = FloatVector.zero(s);
        FloatVector acc1 = FloatVector.zero(s);
        FloatVector acc2 = FloatVector.zero(s);
        FloatVector acc3 = FloatVector.zero(s);
        int i = 0;
        for (; i <= n - 4 * step; i += 4 * step) {
            acc0 = acc0.add(FloatVector.fromArray(s, x, xOffset + i).abs());
            acc1 = acc1.add(FloatVector.fromArray(s, x, xOffset + i + step).abs());
            acc2 = acc2.add(FloatVector.fromArray(s, x, xOffset + i + 2 * step).abs());
            acc3 = acc3.add(FloatVector.fromArray(s, x, xOffset + i + 3 * step).abs());
        }
        for (; i <= n - step; i += step) {
            acc0 = acc0.add(FloatVector.fromArray(s, x, xOffset + i).abs());
        }
        if (i < n) {
            acc1 = acc1.add(FloatVector.fromArray(s, x, xOffset + i, s.indexInRange(i, n)).abs());
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        FloatVector ordered3 = acc0.add(acc1).add(acc2.add(acc3));
        ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_HALF));
        if (VectorWidth.FLOAT_LANES > 2) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_QUARTER)); }
        if (VectorWidth.FLOAT_LANES > 4) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_EIGHTH)); }
        if (VectorWidth.FLOAT_LANES > 8) { ordered3 = ordered3.add(ordered3.rearrange(VectorWidth.FLOAT_FOLD_SIXTEENTH)); }
        return ordered3.lane(0);
    }

    @Override
    public float nrm2(int n, float[] x, int xOffset) {
        // Widen to double, as the scalar reference does: a float squared can neither overflow nor underflow there.
        VectorSpecies<Float> s = SPECIES;
        VectorSpecies<Double> d = DOUBLES;
        DoubleVector acc0 = DoubleVector.zero(d);
        DoubleVector acc1 = DoubleVector.zero(d);
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector v = FloatVector.fromArray(s, x, xOffset + i);
            DoubleVector low = (DoubleVector) v.convertShape(VectorOperators.F2D, d, 0);
            DoubleVector high = (DoubleVector) v.convertShape(VectorOperators.F2D, d, 1);
            acc0 = (FmaPolicy.USE_FMA ? (low).fma(low, acc0) : (low).mul(low).add(acc0));
            acc1 = (FmaPolicy.USE_FMA ? (high).fma(high, acc1) : (high).mul(high).add(acc1));
        }
        // Folded in a fixed lane order: reduceLanes(ADD) leaves the order open, and C2 sums in another order
        // than the interpreter, so the bits would depend on compilation (see the package doc).
        DoubleVector ordered4 = acc0.add(acc1);
        ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.DOUBLE_FOLD_HALF));
        if (VectorWidth.DOUBLE_LANES > 2) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.DOUBLE_FOLD_QUARTER)); }
        if (VectorWidth.DOUBLE_LANES > 4) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.DOUBLE_FOLD_EIGHTH)); }
        if (VectorWidth.DOUBLE_LANES > 8) { ordered4 = ordered4.add(ordered4.rearrange(VectorWidth.DOUBLE_FOLD_SIXTEENTH)); }
        double sumOfSquares = ordered4.lane(0);
        for (; i < n; i++) {
            double v = x[xOffset + i];
            sumOfSquares += v * v;
        }
        return (float) Math.sqrt(sumOfSquares);
    }

    @Override
    public float max(int n, float[] x, int xOffset) {
        // max is exact and order-free (NaN wins, +0 beats -0 either way round), so any order matches scalar.
        VectorSpecies<Float> s = SPECIES;
        FloatVector acc = FloatVector.broadcast(s, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            acc = acc.max(FloatVector.fromArray(s, x, xOffset + i));
        }
        float max = acc.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            max = Math.max(max, x[xOffset + i]);
        }
        return max;
    }

    @Override
    public int argmax(int n, float[] x, int xOffset) {
        float max = max(n, x, xOffset);
        VectorSpecies<Float> s = SPECIES;
        int i = 0;
        for (int bound = s.loopBound(n); i < bound; i += s.length()) {
            FloatVector v = FloatVector.fromArray(s, x, xOffset + i);
            // NaN never equals itself, so look for the first NaN instead of the first equal element.
            VectorMask<Float> hit = Float.isNaN(max) ? v.test(VectorOperators.IS_NAN) : v.eq(max);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            float v = x[xOffset + i];
            if (Float.isNaN(max) ? Float.isNaN(v) : v == max) {
                return i;
            }
        }
        throw new AssertionError("max " + max + " not found among " + n + " elements");
    }
}
