package dev.lanewise.harness.activations;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.activation.ActivationKernels;

import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static dev.lanewise.harness.support.Assertions2.describe;
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
 * Checks the vector-versus-scalar statements of {@link ActivationKernels} at 128, 256 and 512 bits, over
 * generated lengths, offsets and values including ±0, subnormals, ±Inf, NaN and huge magnitudes: every
 * elementwise function forward and backward bit-exact (and in place), softmax within 3 ulps, log-softmax
 * within 2, their backwards within the stated absolute bounds; NaN in gives NaN out.
 */
class ActivationEquivalenceProperties {
    private static final int TRIES = 80;
    private static final ActivationKernels SCALAR = Implementations.scalar().activations();

    @Provide
    Arbitrary<KernelProvider> vectors() {
        return Implementations.vectorProviders();
    }

    @Provide
    Arbitrary<Slice> slices() {
        return FloatData.lengths(1500).flatMap(n -> FloatData.slice(n, FloatData.values()));
    }

    /** A gradient and a saved input (or output) of one length, each at its own offset. */
    @Provide
    Arbitrary<Tuple.Tuple2<Slice, Slice>> pairs() {
        return FloatData.lengths(1500).flatMap(n -> Combinators.combine(
                FloatData.slice(n, FloatData.values()), FloatData.slice(n, FloatData.values())).as(Tuple::of));
    }

    @Provide
    Arbitrary<Elementwise> functions() {
        return Arbitraries.of(Elementwise.class);
    }

    @Property(tries = TRIES)
    void identityForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.IDENTITY, vector, x);
    }

    @Property(tries = TRIES)
    void identityBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.IDENTITY, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void reluForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.RELU, vector, x);
    }

    @Property(tries = TRIES)
    void reluBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.RELU, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void leakyReluForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.LEAKY_RELU, vector, x);
    }

    @Property(tries = TRIES)
    void leakyReluBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.LEAKY_RELU, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void eluForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.ELU, vector, x);
    }

    @Property(tries = TRIES)
    void eluBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.ELU, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void sigmoidForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.SIGMOID, vector, x);
    }

    @Property(tries = TRIES)
    void sigmoidBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.SIGMOID, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void tanhForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.TANH, vector, x);
    }

    @Property(tries = TRIES)
    void tanhBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.TANH, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void geluForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.GELU, vector, x);
    }

    @Property(tries = TRIES)
    void geluBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.GELU, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void geluTanhForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.GELU_TANH, vector, x);
    }

    @Property(tries = TRIES)
    void geluTanhBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.GELU_TANH, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void siluForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.SILU, vector, x);
    }

    @Property(tries = TRIES)
    void siluBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.SILU, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void softplusForwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("slices") Slice x) {
        assertForwardExact(Elementwise.SOFTPLUS, vector, x);
    }

    @Property(tries = TRIES)
    void softplusBackwardIsBitExact(@ForAll("vectors") KernelProvider vector, @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        assertBackwardExact(Elementwise.SOFTPLUS, vector, gs.get1(), gs.get2());
    }

    @Property(tries = TRIES)
    void everyFunctionWorksInPlace(@ForAll("vectors") KernelProvider vector, @ForAll("functions") Elementwise f,
            @ForAll("pairs") Tuple.Tuple2<Slice, Slice> gs) {
        Slice x = gs.get2();
        float[] expected = new float[x.data().length];
        f.forward(SCALAR, x.n(), x.data(), x.offset(), expected, x.offset());
        float[] actual = x.copy();
        f.forward(vector.activations(), x.n(), actual, x.offset(), actual, x.offset());
        assertSameBits(sameOutsideRange(expected, x), actual, vector.name() + " in-place " + f);

        Slice g = gs.get1();
        float[] expectedGrad = g.copy();
        f.backward(SCALAR, g.n(), expectedGrad, g.offset(), x.data(), x.offset(), expectedGrad, g.offset());
        float[] actualGrad = g.copy();
        f.backward(vector.activations(), g.n(), actualGrad, g.offset(), x.data(), x.offset(), actualGrad, g.offset());
        assertSameBits(expectedGrad, actualGrad, vector.name() + " in-place backward " + f);
    }

    @Property(tries = TRIES)
    void nanInGivesNanOut(@ForAll("vectors") KernelProvider vector, @ForAll("functions") Elementwise f,
            @ForAll("slices") Slice x) {
        float[] data = x.copy();
        for (int i = 0; i < x.n(); i += 3) {
            data[x.offset() + i] = Float.NaN;
        }
        float[] out = new float[data.length];
        f.forward(vector.activations(), x.n(), data, x.offset(), out, x.offset());
        float[] grad = new float[data.length];
        float[] ones = new float[data.length];
        java.util.Arrays.fill(ones, 1f);
        f.backward(vector.activations(), x.n(), ones, 0, data, x.offset(), grad, 0);
        for (int i = 0; i < x.n(); i += 3) {
            assertTrue(Float.isNaN(out[x.offset() + i]), vector.name() + " " + f + " of NaN at " + i);
            if (f != Elementwise.IDENTITY) { // identity's backward does not read its saved input
                assertTrue(Float.isNaN(grad[i]), vector.name() + " " + f + " backward at a NaN input, " + i);
            }
        }
    }

    private static void assertForwardExact(Elementwise f, KernelProvider vector, Slice x) {
        float[] expected = new float[x.n() + 7];
        float[] actual = expected.clone();
        f.forward(SCALAR, x.n(), x.data(), x.offset(), expected, 3);
        f.forward(vector.activations(), x.n(), x.data(), x.offset(), actual, 3);
        assertSameBits(expected, actual, vector.name() + " " + f);
    }

    private static void assertBackwardExact(Elementwise f, KernelProvider vector, Slice g, Slice saved) {
        float[] expected = new float[g.n() + 7];
        float[] actual = expected.clone();
        f.backward(SCALAR, g.n(), g.data(), g.offset(), saved.data(), saved.offset(), expected, 2);
        f.backward(vector.activations(), g.n(), g.data(), g.offset(), saved.data(), saved.offset(), actual, 2);
        assertSameBits(expected, actual, vector.name() + " " + f + " backward");
    }

    /** The scalar result written into a copy of the original array, so elements outside the range compare too. */
    private static float[] sameOutsideRange(float[] result, Slice x) {
        float[] merged = x.copy();
        System.arraycopy(result, x.offset(), merged, x.offset(), x.n());
        return merged;
    }

    // ---- softmax ----

    /** A matrix: rows, cols, a leading dimension >= cols, an offset, and data from the given values. */
    record Matrix(int rows, int cols, int ld, int offset, float[] data) {
        @Override
        public String toString() {
            return "Matrix[" + rows + "x" + cols + ", ld=" + ld + ", offset=" + offset + "]";
        }
    }

    @Provide
    Arbitrary<Matrix> matrices() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> cols = FloatData.lengths(700);
        Arbitrary<Float> logits = Arbitraries.frequencyOf(
                Tuple.of(6, FloatData.values()), Tuple.of(1, Arbitraries.of(Float.NEGATIVE_INFINITY, 1000f, -1000f)));
        return Combinators.combine(rows, cols, Arbitraries.integers().between(0, 5), FloatData.offsets())
                .flatAs((r, c, pad, offset) -> {
                    int ld = Math.max(1, c + pad); // the kernels refuse ld < max(1, cols), as BLAS does
                    return FloatData.array(logits, offset + r * ld + 4).map(a -> new Matrix(r, c, ld, offset, a));
                });
    }

    @Property(tries = TRIES)
    void softmaxIsWithinThreeUlps(@ForAll("vectors") KernelProvider vector, @ForAll("matrices") Matrix m) {
        float[] expected = m.data().clone();
        float[] actual = m.data().clone();
        SCALAR.softmax(m.rows(), m.cols(), m.ld(), m.data(), m.offset(), expected, m.offset());
        vector.activations().softmax(m.rows(), m.cols(), m.ld(), m.data(), m.offset(), actual, m.offset());
        assertWithinUlpsEverywhere(expected, actual, 3, vector.name() + " softmax " + m);
        // In place gives the same bits as out of place.
        float[] inPlace = m.data().clone();
        vector.activations().softmax(m.rows(), m.cols(), m.ld(), inPlace, m.offset(), inPlace, m.offset());
        assertSameBits(actual, inPlace, vector.name() + " in-place softmax " + m);
    }

    @Property(tries = TRIES)
    void logSoftmaxIsWithinTwoUlpsPlusTheRowSumsRounding(@ForAll("vectors") KernelProvider vector, @ForAll("matrices") Matrix m) {
        float[] expected = m.data().clone();
        float[] actual = m.data().clone();
        SCALAR.logSoftmax(m.rows(), m.cols(), m.ld(), m.data(), m.offset(), expected, m.offset());
        vector.activations().logSoftmax(m.rows(), m.cols(), m.ld(), m.data(), m.offset(), actual, m.offset());
        double sumRounding = 2.0 * m.cols() * 0x1p-53;
        for (int i = 0; i < expected.length; i++) {
            String what = vector.name() + " logSoftmax " + m + " element " + i + ": scalar " + describe(expected[i])
                    + ", vector " + describe(actual[i]);
            if (!Float.isFinite(expected[i]) || !Float.isFinite(actual[i])) {
                assertTrue(Ulps.distance(expected[i], actual[i]) == 0, what);
            } else {
                double bound = 2 * Math.ulp(expected[i]) + sumRounding;
                assertTrue(Math.abs((double) actual[i] - expected[i]) <= bound, what + ", bound " + bound);
            }
        }
        float[] inPlace = m.data().clone();
        vector.activations().logSoftmax(m.rows(), m.cols(), m.ld(), inPlace, m.offset(), inPlace, m.offset());
        assertSameBits(actual, inPlace, vector.name() + " in-place logSoftmax " + m);
    }

    @Property(tries = TRIES)
    void softmaxBackwardIsWithinItsBound(@ForAll("vectors") KernelProvider vector, @ForAll("matrices") Matrix logits,
            @ForAll("matrices") Matrix gradients) {
        Matrix m = logits;
        float[] y = m.data().clone();
        SCALAR.softmax(m.rows(), m.cols(), m.ld(), m.data(), m.offset(), y, m.offset());
        float[] g = gradientsFor(m, gradients);
        float[] expected = y.clone();
        float[] actual = y.clone();
        SCALAR.softmaxBackward(m.rows(), m.cols(), m.ld(), g, m.offset(), y, m.offset(), expected, m.offset());
        vector.activations().softmaxBackward(m.rows(), m.cols(), m.ld(), g, m.offset(), y, m.offset(), actual, m.offset());
        for (int r = 0; r < m.rows(); r++) {
            int base = m.offset() + r * m.ld();
            double reduction = 0;
            for (int j = 0; j < m.cols(); j++) {
                reduction += Math.abs((double) g[base + j] * y[base + j]);
            }
            for (int j = 0; j < m.cols(); j++) {
                double allowed = Math.abs(y[base + j]) * 0x1p-22 * reduction;
                assertWithinBound(expected[base + j], actual[base + j], allowed, vector.name() + " softmaxBackward " + m
                        + " row " + r + " col " + j);
            }
        }
    }

    @Property(tries = TRIES)
    void logSoftmaxBackwardIsWithinItsBound(@ForAll("vectors") KernelProvider vector,
            @ForAll("matrices") Matrix logits, @ForAll("matrices") Matrix gradients) {
        Matrix m = logits;
        float[] y = m.data().clone();
        SCALAR.logSoftmax(m.rows(), m.cols(), m.ld(), m.data(), m.offset(), y, m.offset());
        float[] g = gradientsFor(m, gradients);
        float[] expected = y.clone();
        float[] actual = y.clone();
        SCALAR.logSoftmaxBackward(m.rows(), m.cols(), m.ld(), g, m.offset(), y, m.offset(), expected, m.offset());
        vector.activations().logSoftmaxBackward(m.rows(), m.cols(), m.ld(), g, m.offset(), y, m.offset(), actual, m.offset());
        for (int r = 0; r < m.rows(); r++) {
            int base = m.offset() + r * m.ld();
            double reduction = 0;
            for (int j = 0; j < m.cols(); j++) {
                reduction += Math.abs((double) g[base + j]);
            }
            for (int j = 0; j < m.cols(); j++) {
                double allowed = Math.exp(y[base + j]) * 0x1p-22 * reduction;
                assertWithinBound(expected[base + j], actual[base + j], allowed, vector.name() + " logSoftmaxBackward " + m
                        + " row " + r + " col " + j);
            }
        }
    }

    /** Gradients laid out like m, taken from another generated matrix's values (cycled to fit). */
    private static float[] gradientsFor(Matrix m, Matrix source) {
        float[] g = new float[m.data().length];
        float[] s = source.data();
        for (int i = 0; i < g.length; i++) {
            float v = s.length == 0 ? 1f : s[i % s.length];
            // Moderate gradients: the bound is about rounding, not about sums that overflow.
            g[i] = Float.isFinite(v) ? Math.max(-1e6f, Math.min(1e6f, v)) : v;
        }
        return g;
    }

    private static void assertWithinUlpsEverywhere(float[] expected, float[] actual, long ulps, String what) {
        for (int i = 0; i < expected.length; i++) {
            long d = Ulps.distance(expected[i], actual[i]);
            assertTrue(d <= ulps, what + ": element " + i + " is " + (d == Long.MAX_VALUE ? "NaN against a number" : d + " ulps")
                    + " apart: scalar " + describe(expected[i]) + ", vector " + describe(actual[i]));
        }
    }

    /** |vector - scalar| <= 4 ulp(scalar) + allowed; NaN and infinities must match exactly. */
    private static void assertWithinBound(float scalar, float vector, double allowed, String what) {
        String both = what + ": scalar " + describe(scalar) + ", vector " + describe(vector);
        if (!Float.isFinite(scalar) || !Float.isFinite(vector)) {
            assertTrue(Ulps.distance(scalar, vector) == 0, both);
            return;
        }
        double bound = 4 * Math.ulp(scalar) + allowed;
        assertTrue(Math.abs((double) vector - scalar) <= bound, both + ", bound " + bound);
    }
}
