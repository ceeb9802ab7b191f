package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.internal.ArrayAlignment;
import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;

import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.FloatData;
import dev.lanewise.harness.support.Implementations;
import dev.lanewise.harness.support.Ulps;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Checks the tolerance statement of {@link OptimizerKernels}: every update leaves parameters and state
 * bit-identical to the scalar reference, at 128, 256 and 512 bits, over generated lengths (around every lane
 * count), offsets, values (including ±0, subnormals, ±Inf, NaN), hyperparameters and step counts.
 */
class OptimizerEquivalenceProperties {
    private static final OptimizerKernels SCALAR = Implementations.scalar().optimizers();

    /** Five ranges of one length, each in its own array at its own offset: param, grad and three buffers. */
    record Arrays5(int n, int[] offsets, float[][] data) {
        Arrays5 copy() {
            float[][] d = new float[5][];
            for (int k = 0; k < 5; k++) {
                d[k] = data[k].clone();
            }
            return new Arrays5(n, offsets, d);
        }

        @Override
        public String toString() {
            return "Arrays5[n=" + n + ", offsets=" + java.util.Arrays.toString(offsets) + "]";
        }
    }

    @Provide
    Arbitrary<KernelProvider> vectors() {
        return Implementations.vectorProviders();
    }

    @Provide
    Arbitrary<Arrays5> arrays() {
        // Some lengths past ArrayAlignment.MIN_ELEMENTS, where the vector path peels to a cache line (when the
        // JVM has native access) and the first elements go to the scalar reference.
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, FloatData.lengths(700)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(ArrayAlignment.MIN_ELEMENTS, ArrayAlignment.MIN_ELEMENTS + 80)));
        return lengths.flatMap(n -> FloatData.slice(n, FloatData.values()).list().ofSize(5).map(slices -> {
            int[] offsets = new int[5];
            float[][] data = new float[5][];
            for (int k = 0; k < 5; k++) {
                offsets[k] = slices.get(k).offset();
                data[k] = slices.get(k).data();
            }
            return new Arrays5(n, offsets, data);
        }));
    }

    @Provide
    Arbitrary<Long> steps() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(1L, 2L, 3L, 6L, 7L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 100_000)));
    }

    private static Arbitrary<Double> lrs() {
        return Arbitraries.of(0.0, 1e-3, 0.01, 0.5, 3.0);
    }

    private static Arbitrary<Double> betas() {
        return Arbitraries.of(0.0, 0.5, 0.9, 0.99, 0.999);
    }

    private static Arbitrary<Double> decays() {
        return Arbitraries.of(0.0, 0.0, 1e-2, 0.3);
    }

    private static Arbitrary<Double> epss() {
        return Arbitraries.of(1e-10, 1e-8, 1e-3);
    }

    @Provide
    Arbitrary<SgdConfig> sgdConfigs() {
        return Combinators.combine(lrs(), Arbitraries.of(0.0, 0.5, 0.9), Arbitraries.of(0.0, 0.0, 0.3), decays(),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((lr, momentum, dampening, wd, nesterov, maximize) -> new SgdConfig(lr, momentum,
                        nesterov ? 0 : dampening, wd, nesterov && momentum > 0, maximize));
    }

    @Provide
    Arbitrary<AdagradConfig> adagradConfigs() {
        return Combinators.combine(lrs(), Arbitraries.of(0.0, 0.1), decays(), Arbitraries.of(0.0, 0.1), epss(),
                Arbitraries.of(true, false)).as(AdagradConfig::new);
    }

    @Provide
    Arbitrary<RmspropConfig> rmspropConfigs() {
        return Combinators.combine(lrs(), betas(), epss(), decays(), Arbitraries.of(0.0, 0.9),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(RmspropConfig::new);
    }

    @Provide
    Arbitrary<AdadeltaConfig> adadeltaConfigs() {
        return Combinators.combine(lrs(), betas(), epss(), decays(), Arbitraries.of(true, false))
                .as(AdadeltaConfig::new);
    }

    @Provide
    Arbitrary<AdamConfig> adamConfigs() {
        return Combinators.combine(lrs(), betas(), betas(), epss(), decays(), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(AdamConfig::new);
    }

    @Provide
    Arbitrary<AdamaxConfig> adamaxConfigs() {
        return Combinators.combine(lrs(), betas(), betas(), epss(), decays(), Arbitraries.of(true, false))
                .as(AdamaxConfig::new);
    }

    @Provide
    Arbitrary<NAdamConfig> nadamConfigs() {
        return Combinators.combine(lrs(), betas(), betas(), epss(), decays(), Arbitraries.of(0.0, 4e-3, 0.1))
                .as(NAdamConfig::new);
    }

    @Provide
    Arbitrary<RAdamConfig> radamConfigs() {
        return Combinators.combine(lrs(), betas(), betas(), epss(), decays()).as(RAdamConfig::new);
    }

    @Provide
    Arbitrary<LionConfig> lionConfigs() {
        return Combinators.combine(lrs(), betas(), betas(), decays()).as(LionConfig::new);
    }

    /** Runs {@code update} on copies through the scalar and the vector kernels; all five arrays must agree. */
    private static void assertBitExact(KernelProvider vector, Arrays5 in, String what,
            BiConsumer<OptimizerKernels, Arrays5> update) {
        Arrays5 expected = in.copy();
        Arrays5 actual = in.copy();
        update.accept(SCALAR, expected);
        update.accept(vector.optimizers(), actual);
        String[] names = {"param", "grad", "state0", "state1", "state2"};
        for (int k = 0; k < 5; k++) {
            assertSameBits(expected.data()[k], actual.data()[k], vector.name() + " " + what + " " + names[k]);
        }
    }

    private static float[] d(Arrays5 a, int k) {
        return a.data()[k];
    }

    private static int o(Arrays5 a, int k) {
        return a.offsets()[k];
    }

    @Property
    void sgdIsBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("sgdConfigs") SgdConfig c, @ForAll("steps") long step) {
        assertBitExact(v, a, c + " step " + step, (k, x) -> k.sgd(x.n(), d(x, 0), o(x, 0), d(x, 1), o(x, 1),
                d(x, 2), o(x, 2), c, step));
    }

    @Property
    void adagradIsBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("adagradConfigs") AdagradConfig c, @ForAll("steps") long step) {
        assertBitExact(v, a, c + " step " + step, (k, x) -> k.adagrad(x.n(), d(x, 0), o(x, 0), d(x, 1), o(x, 1),
                d(x, 2), o(x, 2), c, step));
    }

    @Property
    void rmspropIsBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("rmspropConfigs") RmspropConfig c) {
        assertBitExact(v, a, c.toString(), (k, x) -> k.rmsprop(x.n(), d(x, 0), o(x, 0), d(x, 1), o(x, 1),
                d(x, 2), o(x, 2), d(x, 3), o(x, 3), d(x, 4), o(x, 4), c));
    }

    @Property
    void adadeltaIsBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("adadeltaConfigs") AdadeltaConfig c) {
        assertBitExact(v, a, c.toString(), (k, x) -> k.adadelta(x.n(), d(x, 0), o(x, 0), d(x, 1), o(x, 1),
                d(x, 2), o(x, 2), d(x, 3), o(x, 3), c));
    }

    @Property
    void adamAndAdamWAreBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("adamConfigs") AdamConfig c, @ForAll("steps") long step) {
        assertBitExact(v, a, c + " step " + step, (k, x) -> k.adam(x.n(), d(x, 0), o(x, 0), d(x, 1), o(x, 1),
                d(x, 2), o(x, 2), d(x, 3), o(x, 3), d(x, 4), o(x, 4), c, step));
    }

    @Property
    void adamaxIsBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("adamaxConfigs") AdamaxConfig c, @ForAll("steps") long step) {
        assertBitExact(v, a, c + " step " + step, (k, x) -> k.adamax(x.n(), d(x, 0), o(x, 0), d(x, 1), o(x, 1),
                d(x, 2), o(x, 2), d(x, 3), o(x, 3), c, step));
    }

    @Property
    void nadamIsBitExactAndReturnsTheSameProduct(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("nadamConfigs") NAdamConfig c, @ForAll("steps") long step) {
        double muProduct = step == 1 ? 1 : Math.pow(c.beta1() * 0.5 + 0.4, Math.min(step - 1, 50));
        double[] products = new double[2];
        assertBitExact(v, a, c + " step " + step, (k, x) -> products[k == SCALAR ? 0 : 1] = k.nadam(x.n(),
                d(x, 0), o(x, 0), d(x, 1), o(x, 1), d(x, 2), o(x, 2), d(x, 3), o(x, 3), c, step, muProduct));
        assertEquals(products[0], products[1]);
        assertEquals(muProduct * c.mu(step), products[0]);
    }

    @Property
    void radamIsBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("radamConfigs") RAdamConfig c, @ForAll("steps") long step) {
        assertBitExact(v, a, c + " step " + step, (k, x) -> k.radam(x.n(), d(x, 0), o(x, 0), d(x, 1), o(x, 1),
                d(x, 2), o(x, 2), d(x, 3), o(x, 3), c, step));
    }

    @Property
    void lionIsBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("lionConfigs") LionConfig c) {
        assertBitExact(v, a, c.toString(), (k, x) -> k.lion(x.n(), d(x, 0), o(x, 0), d(x, 1), o(x, 1),
                d(x, 2), o(x, 2), c));
    }

    @Property
    void clipByValueIsBitExact(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a,
            @ForAll("clips") float clip) {
        assertBitExact(v, a, "clip " + clip, (k, x) -> k.clipByValue(x.n(), d(x, 1), o(x, 1), clip));
    }

    @Provide
    Arbitrary<Float> clips() {
        return Arbitraries.of(0f, 1e-3f, 0.5f, 1f, 7f, Float.MAX_VALUE);
    }

    @Provide
    Arbitrary<Float> lambdas() {
        return Arbitraries.of(0f, 1e-4f, 0.01f, 1f, 3.5f);
    }

    @Property
    void penaltyGradientsAreBitExactAndValuesWithinOneUlp(@ForAll("vectors") KernelProvider v,
            @ForAll("arrays") Arrays5 a, @ForAll("lambdas") float lambda) {
        float[] values = new float[4];
        assertBitExact(v, a, "l2 lambda " + lambda, (k, x) -> values[k == SCALAR ? 0 : 1] =
                k.l2Penalty(x.n(), lambda, d(x, 0), o(x, 0), d(x, 1), o(x, 1)));
        assertBitExact(v, a, "l1 lambda " + lambda, (k, x) -> values[k == SCALAR ? 2 : 3] =
                k.l1Penalty(x.n(), lambda, d(x, 0), o(x, 0), d(x, 1), o(x, 1)));
        assertTrue(Ulps.distance(values[0], values[1]) <= 1, v.name() + " l2 value " + values[0] + " vs " + values[1]);
        assertTrue(Ulps.distance(values[2], values[3]) <= 1, v.name() + " l1 value " + values[2] + " vs " + values[3]);
    }

    @Property
    void allFiniteAgrees(@ForAll("vectors") KernelProvider v, @ForAll("arrays") Arrays5 a) {
        boolean expected = true;
        for (int i = 0; i < a.n(); i++) {
            expected &= Float.isFinite(d(a, 1)[o(a, 1) + i]);
        }
        assertEquals(expected, SCALAR.allFinite(a.n(), d(a, 1), o(a, 1)));
        assertEquals(expected, v.optimizers().allFinite(a.n(), d(a, 1), o(a, 1)), v.name());
    }
}
