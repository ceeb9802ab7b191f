package dev.lanewise.harness.losses;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.loss.LossKernels;

import static dev.lanewise.harness.losses.LossAssertions.MIN_SUBNORMAL;
import static dev.lanewise.harness.losses.LossAssertions.assertClose;
import static dev.lanewise.harness.losses.LossAssertions.assertMeansAgree;
import static dev.lanewise.harness.losses.LossAssertions.ulp;
import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static dev.lanewise.harness.support.Assertions2.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.losses.LossEquivalenceProperties.SoftmaxCase;
import dev.lanewise.harness.support.FiniteArrays;
import dev.lanewise.harness.support.FiniteArrays.Seeded;
import dev.lanewise.harness.support.FiniteArrays.Shape;
import dev.lanewise.harness.support.FloatData;
import dev.lanewise.harness.support.Implementations;
import dev.lanewise.harness.support.Ulps;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The loss-sum bounds of {@link LossKernels} on finite inputs up to 100,000 elements (softmax: rows up to
 * 100,000 columns), where {@link LossEquivalenceProperties}, whose values include NaN and infinities, almost
 * always checks only the non-finite branch of long sums. Each property checks the javadoc's statement as
 * {@link LossEquivalenceProperties} does, after asserting that both losses are finite, so the numeric bound
 * is what gets checked.
 */
class LossLongFiniteProperties {
    private static final LossKernels SCALAR = Implementations.scalar().losses();
    private static final float SENTINEL = -7.25f;

    /** Predictions (or logits) and targets of one length, and where the gradient goes. */
    record Inputs(Seeded x, Seeded y, int gradOffset) {
        int n() {
            return x.n();
        }

        float[] freshGrad() {
            float[] g = new float[gradOffset + x.n() + 3];
            Arrays.fill(g, SENTINEL);
            return g;
        }
    }

    @Provide
    Arbitrary<KernelProvider> vectors() {
        return Implementations.vectorProviders();
    }

    private static Arbitrary<Inputs> inputs(Arbitrary<Shape> targetShapes) {
        return FiniteArrays.lengths().flatMap(n -> Combinators.combine(
                FiniteArrays.seeded(n), FiniteArrays.seeded(n, targetShapes), FloatData.offsets()).as(Inputs::new));
    }

    @Provide
    Arbitrary<Inputs> regression() {
        return inputs(FiniteArrays.shapes());
    }

    @Provide
    Arbitrary<Inputs> probabilities() {
        return inputs(Arbitraries.of(Shape.POSITIVE, Shape.BINARY));
    }

    @Provide
    Arbitrary<Inputs> signs() {
        return inputs(Arbitraries.just(Shape.SIGNS));
    }

    @Provide
    Arbitrary<Float> deltas() {
        return Arbitraries.oneOf(Arbitraries.of(1f, 0.5f, 1e-30f, 1e30f, Float.MIN_VALUE, Float.MAX_VALUE),
                Arbitraries.floats().between(1e-3f, 100f).ofScale(4));
    }

    @Property(tries = 40)
    void mseLossStaysWithinTheBoundOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector,
            @ForAll("regression") Inputs in) {
        float[] expected = in.freshGrad();
        float[] actual = in.freshGrad();
        float s = SCALAR.mse(in.n(), in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), expected, in.gradOffset());
        float v = vector.losses().mse(in.n(), in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), actual,
                in.gradOffset());
        double[] terms = new double[in.n()];
        for (int i = 0; i < in.n(); i++) {
            float d = in.x().get(i) - in.y().get(i);
            terms[i] = d * d;
        }
        assertElementwiseContract(vector.name() + " mse " + in, terms, s, v, expected, actual);
    }

    @Property(tries = 40)
    void maeLossStaysWithinTheBoundOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector,
            @ForAll("regression") Inputs in) {
        float[] expected = in.freshGrad();
        float[] actual = in.freshGrad();
        float s = SCALAR.mae(in.n(), in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), expected, in.gradOffset());
        float v = vector.losses().mae(in.n(), in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), actual,
                in.gradOffset());
        double[] terms = new double[in.n()];
        for (int i = 0; i < in.n(); i++) {
            terms[i] = Math.abs(in.x().get(i) - in.y().get(i));
        }
        assertElementwiseContract(vector.name() + " mae " + in, terms, s, v, expected, actual);
    }

    @Property(tries = 40)
    void huberLossStaysWithinTheBoundOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector,
            @ForAll("regression") Inputs in, @ForAll("deltas") float delta) {
        float[] expected = in.freshGrad();
        float[] actual = in.freshGrad();
        float s = SCALAR.huber(in.n(), delta, in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), expected,
                in.gradOffset());
        float v = vector.losses().huber(in.n(), delta, in.x().data(), in.x().offset(), in.y().data(), in.y().offset(),
                actual, in.gradOffset());
        double[] terms = new double[in.n()];
        for (int i = 0; i < in.n(); i++) {
            float d = in.x().get(i) - in.y().get(i);
            float a = Math.abs(d);
            terms[i] = a < delta ? 0.5f * d * d : delta * (a - 0.5f * delta);
        }
        assertElementwiseContract(vector.name() + " huber(" + delta + ") " + in, terms, s, v, expected, actual);
    }

    @Property(tries = 40)
    void hingeLossStaysWithinTheBoundOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector,
            @ForAll("signs") Inputs in) {
        float[] expected = in.freshGrad();
        float[] actual = in.freshGrad();
        float s = SCALAR.hinge(in.n(), in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), expected,
                in.gradOffset());
        float v = vector.losses().hinge(in.n(), in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), actual,
                in.gradOffset());
        double[] terms = new double[in.n()];
        for (int i = 0; i < in.n(); i++) {
            terms[i] = Math.max(1f - in.y().get(i) * in.x().get(i), 0f);
        }
        assertElementwiseContract(vector.name() + " hinge " + in, terms, s, v, expected, actual);
    }

    @Property(tries = 40)
    void bceWithLogitsStaysWithinItsBoundsOnLongFiniteArrays(@ForAll("vectors") KernelProvider vector,
            @ForAll("probabilities") Inputs in) {
        int n = in.n();
        float[] expected = in.freshGrad();
        float[] actual = in.freshGrad();
        float s = SCALAR.bceWithLogits(n, in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), expected,
                in.gradOffset());
        float v = vector.losses().bceWithLogits(n, in.x().data(), in.x().offset(), in.y().data(), in.y().offset(), actual,
                in.gradOffset());
        String what = vector.name() + " bceWithLogits " + in;
        assertSentinelsKept(expected, in.gradOffset(), n, what + " scalar");
        assertSentinelsKept(actual, in.gradOffset(), n, what + " vector");
        double[] terms = new double[n];
        double invN = 1.0 / n;
        for (int i = 0; i < n; i++) {
            float z = in.x().get(i);
            float y = in.y().get(i);
            terms[i] = (Math.max(z, 0f) - z * y) + Math.log1p(Math.exp(-Math.abs((double) z)));
            double sigma = 1 / (1 + Math.exp(-(double) z));
            float g = expected[in.gradOffset() + i];
            double bound = (8 * ulp(sigma) + ulp(sigma - y)) * invN + ulp(g) + MIN_SUBNORMAL;
            assertClose(g, actual[in.gradOffset() + i], bound, what + " gradient " + i + " (z = " + z + ", y = " + y + ")");
        }
        assertFiniteMeansAgree(terms, s, v, 2 * Ulps.gamma(n + 1), 0x1p-21, what + " loss");
    }

    /** Rows of 1 to 3 up to 100,000 columns, finite logits of scale 1 to 1000. */
    @Provide
    Arbitrary<SoftmaxCase> longRows() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), FiniteArrays.lengths().filter(n -> n > 0),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3), FloatData.offsets(),
                FloatData.offsets(), Arbitraries.longs(), Arbitraries.of(1f, 10f, 100f, 1000f))
                .as((rows, cols, xSlack, gSlack, xOffset, gOffset, seed, scale) -> LossEquivalenceProperties.softmaxCase(
                        rows, cols, xSlack, gSlack, xOffset, gOffset, seed, scale, false));
    }

    @Property(tries = 30)
    void softmaxCrossEntropyStaysWithinItsBoundsOnLongFiniteRows(@ForAll("vectors") KernelProvider vector,
            @ForAll("longRows") SoftmaxCase c) {
        float[] losses = LossEquivalenceProperties.assertSoftmaxCrossEntropyWithinBounds(vector, c);
        assertTrue(Float.isFinite(losses[0]) && Float.isFinite(losses[1]), vector.name() + " softmaxCrossEntropy " + c
                + ": scalar " + describe(losses[0]) + ", vector " + describe(losses[1]) + ", expected finite losses");
    }

    /** Gradient bit-identical (sentinels included); loss finite and within 2 gamma(n) sum|l_i| / n + 2^-149. */
    private static void assertElementwiseContract(String what, double[] terms, float scalar, float vector,
            float[] expected, float[] actual) {
        assertSameBits(expected, actual, what + " gradient");
        assertFiniteMeansAgree(terms, scalar, vector, 2 * Ulps.gamma(Math.max(terms.length, 1)), MIN_SUBNORMAL, what + " loss");
    }

    /** Both losses finite (the mean of no terms excepted: NaN), then the javadoc's bound. */
    private static void assertFiniteMeansAgree(double[] terms, float scalar, float vector, double relative, double absolute,
            String what) {
        if (terms.length > 0) {
            assertTrue(Float.isFinite(scalar) && Float.isFinite(vector), what + ": scalar " + describe(scalar) + ", vector "
                    + describe(vector) + ", expected finite losses from finite inputs");
        }
        assertMeansAgree(terms, scalar, vector, relative, absolute, what);
    }

    private static void assertSentinelsKept(float[] grad, int offset, int n, String what) {
        for (int i = 0; i < grad.length; i++) {
            if (i < offset || i >= offset + n) {
                assertSameBits(SENTINEL, grad[i], what + " wrote outside its range at " + i);
            }
        }
    }
}
