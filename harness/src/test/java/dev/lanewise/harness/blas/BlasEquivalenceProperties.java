package dev.lanewise.harness.blas;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.blas.BlasKernels;

import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.FloatData;
import dev.lanewise.harness.support.FloatData.Slice;
import dev.lanewise.harness.support.Implementations;
import dev.lanewise.harness.support.Ulps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Checks the tolerance statements of {@link BlasKernels}: vector at 128, 256 and 512 bits against the scalar
 * reference, over generated lengths, offsets and values including the special ones.
 */
class BlasEquivalenceProperties {
    private static final BlasKernels SCALAR = Implementations.scalar().blas();

    @Provide
    Arbitrary<KernelProvider> vectors() {
        return Implementations.vectorProviders();
    }

    /** Two slices of one length, each at its own offset. */
    @Provide
    Arbitrary<Tuple.Tuple2<Slice, Slice>> pairs() {
        return FloatData.lengths(3000).flatMap(n -> Combinators.combine(
                FloatData.slice(n, FloatData.values()), FloatData.slice(n, FloatData.values())).as(Tuple::of));
    }

    @Provide
    Arbitrary<Slice> slices() {
        return FloatData.lengths(3000).flatMap(n -> FloatData.slice(n, FloatData.values()));
    }

    @Provide
    Arbitrary<Slice> nonEmptySlices() {
        return FloatData.lengths(3000).filter(n -> n > 0).flatMap(n -> FloatData.slice(n, FloatData.values()));
    }

    @Property
    void dotStaysWithinTheForwardErrorBound(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> xy) {
        Slice x = xy.get1();
        Slice y = xy.get2();
        double[] terms = new double[x.n()];
        for (int i = 0; i < x.n(); i++) {
            terms[i] = (double) x.data()[x.offset() + i] * y.data()[y.offset() + i];
        }
        float scalar = SCALAR.dot(x.n(), x.data(), x.offset(), y.data(), y.offset());
        float actual = vector.blas().dot(x.n(), x.data(), x.offset(), y.data(), y.offset());
        assertSumsAgree(terms, scalar, actual, vector.name() + " dot");
    }

    @Property
    void sumStaysWithinTheForwardErrorBound(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        double[] terms = new double[x.n()];
        for (int i = 0; i < x.n(); i++) {
            terms[i] = x.data()[x.offset() + i];
        }
        float scalar = SCALAR.sum(x.n(), x.data(), x.offset());
        float actual = vector.blas().sum(x.n(), x.data(), x.offset());
        assertSumsAgree(terms, scalar, actual, vector.name() + " sum");
    }

    @Property
    void asumStaysWithinTheForwardErrorBound(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        double[] terms = new double[x.n()];
        for (int i = 0; i < x.n(); i++) {
            terms[i] = Math.abs(x.data()[x.offset() + i]);
        }
        float scalar = SCALAR.asum(x.n(), x.data(), x.offset());
        float actual = vector.blas().asum(x.n(), x.data(), x.offset());
        assertSumsAgree(terms, scalar, actual, vector.name() + " asum");
    }

    @Property
    void nrm2IsWithinOneUlp(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        float scalar = SCALAR.nrm2(x.n(), x.data(), x.offset());
        float actual = vector.blas().nrm2(x.n(), x.data(), x.offset());
        long ulps = Ulps.distance(scalar, actual);
        assertTrue(ulps <= 1, vector.name() + " nrm2: scalar " + scalar + ", vector " + actual + ", " + ulps + " ulps");
    }

    @Property
    void maxAndArgmaxAreExact(@ForAll("vectors") KernelProvider vector, @ForAll("nonEmptySlices") Slice x) {
        assertSameBits(SCALAR.max(x.n(), x.data(), x.offset()), vector.blas().max(x.n(), x.data(), x.offset()),
                vector.name() + " max");
        assertEquals(SCALAR.argmax(x.n(), x.data(), x.offset()), vector.blas().argmax(x.n(), x.data(), x.offset()),
                vector.name() + " argmax");
    }

    @Property
    void axpyIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> xy,
            @ForAll("alphas") float alpha) {
        Slice x = xy.get1();
        Slice y = xy.get2();
        float[] expected = y.copy();
        float[] actual = y.copy();
        SCALAR.axpy(x.n(), alpha, x.data(), x.offset(), expected, y.offset());
        vector.blas().axpy(x.n(), alpha, x.data(), x.offset(), actual, y.offset());
        assertSameBits(expected, actual, vector.name() + " axpy");
    }

    @Property
    void scalIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x, @ForAll("alphas") float alpha) {
        float[] expected = x.copy();
        float[] actual = x.copy();
        SCALAR.scal(x.n(), alpha, expected, x.offset());
        vector.blas().scal(x.n(), alpha, actual, x.offset());
        assertSameBits(expected, actual, vector.name() + " scal");
    }

    @Property
    void elementwiseArithmeticIsBitExact(@ForAll("vectors") KernelProvider vector,
            @ForAll("pairs") Tuple.Tuple2<Slice, Slice> ab, @ForAll("binaryOps") String op) {
        Slice a = ab.get1();
        Slice b = ab.get2();
        float[] expected = new float[a.n() + 5];
        float[] actual = expected.clone();
        apply(SCALAR, op, a, b, expected);
        apply(vector.blas(), op, a, b, actual);
        assertSameBits(expected, actual, vector.name() + " " + op);
    }

    @Property
    void elementwiseArithmeticWorksInPlace(@ForAll("vectors") KernelProvider vector,
            @ForAll("pairs") Tuple.Tuple2<Slice, Slice> ab, @ForAll("binaryOps") String op) {
        Slice a = ab.get1();
        Slice b = ab.get2();
        float[] expected = a.copy();
        float[] actual = a.copy();
        applyInPlace(SCALAR, op, a.n(), expected, a.offset(), b);
        applyInPlace(vector.blas(), op, a.n(), actual, a.offset(), b);
        assertSameBits(expected, actual, vector.name() + " in-place " + op);
    }

    @Provide
    Arbitrary<String> binaryOps() {
        return Arbitraries.of("add", "sub", "mul", "div");
    }

    @Provide
    Arbitrary<Float> alphas() {
        return FloatData.values();
    }

    private static void apply(BlasKernels k, String op, Slice a, Slice b, float[] out) {
        switch (op) {
            case "add" -> k.add(a.n(), a.data(), a.offset(), b.data(), b.offset(), out, 2);
            case "sub" -> k.sub(a.n(), a.data(), a.offset(), b.data(), b.offset(), out, 2);
            case "mul" -> k.mul(a.n(), a.data(), a.offset(), b.data(), b.offset(), out, 2);
            case "div" -> k.div(a.n(), a.data(), a.offset(), b.data(), b.offset(), out, 2);
            default -> throw new IllegalArgumentException(op);
        }
    }

    private static void applyInPlace(BlasKernels k, String op, int n, float[] a, int aOffset, Slice b) {
        switch (op) {
            case "add" -> k.add(n, a, aOffset, b.data(), b.offset(), a, aOffset);
            case "sub" -> k.sub(n, a, aOffset, b.data(), b.offset(), a, aOffset);
            case "mul" -> k.mul(n, a, aOffset, b.data(), b.offset(), a, aOffset);
            case "div" -> k.div(n, a, aOffset, b.data(), b.offset(), a, aOffset);
            default -> throw new IllegalArgumentException(op);
        }
    }

    /**
     * The reduction contract. NaN in (or +Inf and -Inf terms) gives NaN from both. An infinite term gives
     * that infinity from both, unless the terms of the other sign could overflow to the other infinity,
     * in which case both are at least non-finite. Otherwise, where no partial sum can overflow, both are
     * finite and |vector - scalar| <= 2 gamma(n) sum|t_i| + 2n * 2^-149 (the last term covers products
     * that underflow when they are not fused); a finite pair always lies within that bound.
     */
    static void assertSumsAgree(double[] terms, float scalar, float vector, String what) {
        int n = terms.length;
        double gamma2 = 2 * Ulps.gamma(Math.max(n, 1));
        boolean nan = false;
        boolean posInf = false;
        boolean negInf = false;
        double absSum = 0;
        double positiveSum = 0;
        double negativeSum = 0;
        for (double t : terms) {
            nan |= Double.isNaN(t);
            posInf |= t == Double.POSITIVE_INFINITY;
            negInf |= t == Double.NEGATIVE_INFINITY;
            absSum += Math.abs(t);
            if (t > 0) {
                positiveSum += t;
            } else {
                negativeSum -= t;
            }
        }
        String both = what + ": scalar " + scalar + ", vector " + vector;
        if (nan || (posInf && negInf)) {
            assertTrue(Float.isNaN(scalar) && Float.isNaN(vector), both + ", expected NaN from both");
            return;
        }
        if (posInf || negInf) {
            double opposite = posInf ? negativeSum : positiveSum;
            if (opposite * (1 + gamma2) < Float.MAX_VALUE) {
                float inf = posInf ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                assertEquals(inf, scalar, both);
                assertEquals(inf, vector, both);
            } else {
                assertTrue(!Float.isFinite(scalar) && !Float.isFinite(vector), both + ", expected non-finite from both");
            }
            return;
        }
        if (absSum * (1 + gamma2) < Float.MAX_VALUE) {
            assertTrue(Float.isFinite(scalar) && Float.isFinite(vector), both + ", but no partial sum can overflow");
        }
        if (Float.isFinite(scalar) && Float.isFinite(vector)) {
            double bound = gamma2 * absSum + 2.0 * n * Float.MIN_VALUE;
            double error = Math.abs((double) vector - scalar);
            assertTrue(error <= bound, both + ", |vector - scalar| = " + error + " exceeds the bound " + bound + " (n = " + n + ")");
        }
    }
}
