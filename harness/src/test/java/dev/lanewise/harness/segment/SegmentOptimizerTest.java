package dev.lanewise.harness.segment;

import static dev.lanewise.harness.segment.SegmentKind.read;
import static dev.lanewise.harness.support.Assertions2.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.Ulps;
import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.OptimizerSegmentKernels;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer step on segments gives the array form's bits, parameters and every state buffer, over two
 * steps (the first step treats some state specially), on every segment kind; so do clipping, the penalties'
 * gradients and allFinite, while the penalties' values stay within 2 ulps (bit for bit within one chunk).
 */
class SegmentOptimizerTest {
    /** Offsets of param, grad and the three state buffers: all different, so that a mixed-up offset shows. */
    private static final int[] OFFSETS = {1, 2, 3, 4, 5};
    private static final int SLACK = 2;

    /** The arrays (or segments) of one step: param, grad, then up to three state buffers (null where unused). */
    interface ArrayStep {
        double run(OptimizerKernels k, int n, float[][] a, int[] o, long step, double muProduct);
    }

    interface SegmentStep {
        double run(OptimizerSegmentKernels k, long n, MemorySegment[] s, int[] o, long step, double muProduct);
    }

    record Case(String name, int buffers, ArrayStep array, SegmentStep segment) {}

    private static final SgdConfig SGD = new SgdConfig(0.05, 0.9, 0, 1e-3, true, false);
    private static final AdagradConfig ADAGRAD = AdagradConfig.defaults();
    private static final RmspropConfig RMSPROP = new RmspropConfig(1e-2, 0.99, 1e-8, 1e-4, 0.5, true, false);
    private static final AdadeltaConfig ADADELTA = AdadeltaConfig.defaults();
    private static final AdamConfig AMSGRAD = new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 1e-2, true, false, false);
    private static final AdamConfig ADAMW = AdamConfig.adamW();
    private static final AdamaxConfig ADAMAX = AdamaxConfig.defaults();
    private static final NAdamConfig NADAM = NAdamConfig.defaults();
    private static final RAdamConfig RADAM = RAdamConfig.defaults();
    private static final LionConfig LION = LionConfig.defaults();

    static final List<Case> CASES = List.of(
            new Case("sgd", 1,
                    (k, n, a, o, t, mu) -> { k.sgd(n, a[0], o[0], a[1], o[1], a[2], o[2], SGD, t); return 0; },
                    (k, n, s, o, t, mu) -> { k.sgd(n, s[0], o[0], s[1], o[1], s[2], o[2], SGD, t); return 0; }),
            new Case("sgd without momentum (no buffer)", 0,
                    (k, n, a, o, t, mu) -> { k.sgd(n, a[0], o[0], a[1], o[1], null, 0, SgdConfig.of(0.1), t); return 0; },
                    (k, n, s, o, t, mu) -> { k.sgd(n, s[0], o[0], s[1], o[1], null, 0, SgdConfig.of(0.1), t); return 0; }),
            new Case("adagrad", 1,
                    (k, n, a, o, t, mu) -> { k.adagrad(n, a[0], o[0], a[1], o[1], a[2], o[2], ADAGRAD, t); return 0; },
                    (k, n, s, o, t, mu) -> { k.adagrad(n, s[0], o[0], s[1], o[1], s[2], o[2], ADAGRAD, t); return 0; }),
            new Case("rmsprop centered with momentum", 3,
                    (k, n, a, o, t, mu) -> { k.rmsprop(n, a[0], o[0], a[1], o[1], a[2], o[2], a[3], o[3], a[4], o[4], RMSPROP); return 0; },
                    (k, n, s, o, t, mu) -> { k.rmsprop(n, s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], s[4], o[4], RMSPROP); return 0; }),
            new Case("adadelta", 2,
                    (k, n, a, o, t, mu) -> { k.adadelta(n, a[0], o[0], a[1], o[1], a[2], o[2], a[3], o[3], ADADELTA); return 0; },
                    (k, n, s, o, t, mu) -> { k.adadelta(n, s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], ADADELTA); return 0; }),
            new Case("adam amsgrad", 3,
                    (k, n, a, o, t, mu) -> { k.adam(n, a[0], o[0], a[1], o[1], a[2], o[2], a[3], o[3], a[4], o[4], AMSGRAD, t); return 0; },
                    (k, n, s, o, t, mu) -> { k.adam(n, s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], s[4], o[4], AMSGRAD, t); return 0; }),
            new Case("adamW", 2,
                    (k, n, a, o, t, mu) -> { k.adam(n, a[0], o[0], a[1], o[1], a[2], o[2], a[3], o[3], null, 0, ADAMW, t); return 0; },
                    (k, n, s, o, t, mu) -> { k.adam(n, s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], null, 0, ADAMW, t); return 0; }),
            new Case("adamax", 2,
                    (k, n, a, o, t, mu) -> { k.adamax(n, a[0], o[0], a[1], o[1], a[2], o[2], a[3], o[3], ADAMAX, t); return 0; },
                    (k, n, s, o, t, mu) -> { k.adamax(n, s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], ADAMAX, t); return 0; }),
            new Case("nadam", 2,
                    (k, n, a, o, t, mu) -> k.nadam(n, a[0], o[0], a[1], o[1], a[2], o[2], a[3], o[3], NADAM, t, mu),
                    (k, n, s, o, t, mu) -> k.nadam(n, s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], NADAM, t, mu)),
            new Case("radam", 2,
                    (k, n, a, o, t, mu) -> { k.radam(n, a[0], o[0], a[1], o[1], a[2], o[2], a[3], o[3], RADAM, t); return 0; },
                    (k, n, s, o, t, mu) -> { k.radam(n, s[0], o[0], s[1], o[1], s[2], o[2], s[3], o[3], RADAM, t); return 0; }),
            new Case("lion", 1,
                    (k, n, a, o, t, mu) -> { k.lion(n, a[0], o[0], a[1], o[1], a[2], o[2], LION); return 0; },
                    (k, n, s, o, t, mu) -> { k.lion(n, s[0], o[0], s[1], o[1], s[2], o[2], LION); return 0; }));

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void everyStepGivesTheArrayFormsBitsForParametersAndState(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        SplittableRandom random = new SplittableRandom(41);
        for (int n : SegmentCases.LENGTHS) {
            for (Case c : CASES) {
                String at = name + " " + kind + " n=" + n + " " + c.name();
                float[][] arrays = new float[5][];
                arrays[0] = SegmentCases.values(random, OFFSETS[0] + n + SLACK, 2f, false);
                for (int b = 0; b < c.buffers(); b++) {
                    // Non-negative state: Adagrad's sum and the second moments must be.
                    arrays[2 + b] = SegmentCases.between(random, OFFSETS[2 + b] + n + SLACK, 0, 0.5);
                }
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment[] segments = new MemorySegment[5];
                    for (int k = 0; k < 5; k++) {
                        if (k != 1 && arrays[k] != null) {
                            segments[k] = kind.out(arena, arrays[k]);
                        }
                    }
                    double muExpected = 1;
                    double muActual = 1;
                    for (long step = 1; step <= 2; step++) {
                        arrays[1] = SegmentCases.values(random, OFFSETS[1] + n + SLACK, 1f, false);
                        segments[1] = kind.in(arena, arrays[1]);
                        muExpected = c.array().run(p.optimizers(), n, arrays, OFFSETS, step, muExpected);
                        muActual = c.segment().run(p.optimizerSegments(), n, segments, OFFSETS, step, muActual);
                    }
                    assertEquals(muExpected, muActual, 0.0, at + " returned value");
                    for (int k = 0; k < 5; k++) {
                        if (k != 1 && arrays[k] != null) {
                            assertSameBits(arrays[k], read(segments[k], arrays[k].length), at + " array " + k);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.lanewise.harness.segment.SegmentCases#implementationsAndKinds")
    void gradientTransformsGiveTheArrayFormsResults(String name, SegmentKind kind) {
        KernelProvider p = SegmentCases.provider(name);
        OptimizerKernels arrays = p.optimizers();
        OptimizerSegmentKernels segments = p.optimizerSegments();
        SplittableRandom random = new SplittableRandom(42);
        for (int n : SegmentCases.LENGTHS) {
            String at = name + " " + kind + " n=" + n;
            float[] param = SegmentCases.values(random, n + 3, 3f, false);
            float[] grad = SegmentCases.values(random, n + 1, 3f, true);
            try (Arena arena = Arena.ofConfined()) {
                float[] expected = grad.clone();
                arrays.clipByValue(n, expected, 1, 0.5f);
                MemorySegment g = kind.out(arena, grad);
                segments.clipByValue(n, g, 1, 0.5f);
                assertSameBits(expected, read(g, grad.length), at + " clipByValue");

                for (boolean l2 : new boolean[] {true, false}) {
                    float[] finiteGrad = SegmentCases.values(random, n + 1, 3f, false);
                    float[] expectedGrad = finiteGrad.clone();
                    MemorySegment gs = kind.out(arena, finiteGrad);
                    MemorySegment ps = kind.in(arena, param);
                    float expectedValue = l2 ? arrays.l2Penalty(n, 0.3f, param, 3, expectedGrad, 1)
                            : arrays.l1Penalty(n, 0.3f, param, 3, expectedGrad, 1);
                    float actualValue = l2 ? segments.l2Penalty(n, 0.3f, ps, 3, gs, 1)
                            : segments.l1Penalty(n, 0.3f, ps, 3, gs, 1);
                    String what = at + (l2 ? " l2Penalty" : " l1Penalty");
                    assertSameBits(expectedGrad, read(gs, finiteGrad.length), what + " gradient");
                    long ulps = Ulps.distance(expectedValue, actualValue);
                    assertTrue(ulps <= 2, what + ": array " + expectedValue + ", segment " + actualValue + ", " + ulps + " ulps");
                    if (kind.inPlace() || n <= SegmentCases.CHUNK) {
                        assertSameBits(expectedValue, actualValue, what + " in one chunk");
                    }
                }

                assertEquals(arrays.allFinite(n, grad, 1), segments.allFinite(n, kind.in(arena, grad), 1), at + " allFinite");
                float[] finite = SegmentCases.values(random, n, 3f, false);
                assertTrue(segments.allFinite(n, kind.in(arena, finite), 0), at + " allFinite of finite values");
                if (n > SegmentCases.CHUNK) {
                    finite[n - 1] = Float.NEGATIVE_INFINITY;
                    assertEquals(false, segments.allFinite(n, kind.in(arena, finite), 0), at + " -Inf in the last chunk");
                }
            }
        }
    }
}
