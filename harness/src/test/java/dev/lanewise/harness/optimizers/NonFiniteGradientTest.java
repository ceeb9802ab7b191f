package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.optim.GradientTransforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documented non-finite policy: the {@code Optimizers} facade skips a step whose gradient holds NaN or
 * ±Inf (nothing written, {@code false} returned) and takes the next finite one as if the bad one never came;
 * the kernels themselves propagate NaN as PyTorch does.
 */
class NonFiniteGradientTest {
    private static final int N = 37;

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String name : FacadeSteps.NAMES) {
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                out.add(Arguments.of(name, bad));
            }
        }
        return out;
    }

    private static float[] values(int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (float) Math.sin(0.7 * i + 0.3);
        }
        return x;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aNonFiniteGradientSkipsTheStepAndLeavesEverythingAsItWas(String name, float bad) {
        float[] param = values(N, 1.5f);
        FacadeSteps.State s = FacadeSteps.State.of(N);
        assertTrue(FacadeSteps.step(name, param, values(N, 0.5f), s, 1));
        // A twin that never sees the bad gradient.
        float[] twinParam = param.clone();
        FacadeSteps.State twin = s.copy();

        float[] poisoned = values(N, 0.3f);
        poisoned[N - 2] = bad;
        float[] before = param.clone();
        FacadeSteps.State stateBefore = s.copy();
        assertFalse(FacadeSteps.step(name, param, poisoned, s, 2), "a non-finite gradient must be reported");
        assertArrayEquals(before, param);
        assertArrayEquals(stateBefore.a(), s.a());
        assertArrayEquals(stateBefore.b(), s.b());
        assertArrayEquals(stateBefore.c(), s.c());
        assertArrayEquals(stateBefore.muProduct(), s.muProduct());

        // The caller keeps its step count; the next finite step equals the twin's.
        float[] next = values(N, 0.3f);
        assertTrue(FacadeSteps.step(name, param, next, s, 2));
        assertTrue(FacadeSteps.step(name, twinParam, next, twin, 2));
        assertArrayEquals(twinParam, param);
        for (float p : param) {
            assertTrue(Float.isFinite(p));
        }
    }

    static List<KernelProvider> implementations() {
        return Kernels.all();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void theKernelsPropagateNaNOnlyIntoTheElementItReaches(KernelProvider impl) {
        for (String name : FacadeSteps.NAMES) {
            Map<String, Object> options = name.equals("sgd") ? Map.of("lr", 0.1, "momentum", 0.9) : Map.of();
            OptimizerRun run = new OptimizerRun(name, options, impl.optimizers(), values(N, 1f));
            float[] grad = values(N, 0.5f);
            run.step(grad);
            grad[5] = Float.NaN;
            run.step(grad);
            for (int i = 0; i < N; i++) {
                assertEquals(i == 5, Float.isNaN(run.param[i]), impl.name() + " " + name + " element " + i);
            }
        }
    }

    @Test
    void clipByGlobalNormFollowsPyTorchOnNonFiniteNorms() {
        float[] a = {3, 4};
        float[] b = {Float.NaN, 0};
        float total = GradientTransforms.clipByGlobalNorm(new float[][] {a, b}, 1f, 2, false);
        assertTrue(Float.isNaN(total));
        assertTrue(Float.isNaN(a[0]) && Float.isNaN(a[1]), "a NaN total makes every gradient NaN, as in PyTorch");
        float[] c = {3, 4};
        float[] d = {Float.POSITIVE_INFINITY, 1};
        assertEquals(Float.POSITIVE_INFINITY, GradientTransforms.clipByGlobalNorm(new float[][] {c, d}, 1f));
        assertArrayEquals(new float[] {0, 0}, c, "an infinite total scales by 0");
        float[] e = {3, 4};
        assertEquals(5f, GradientTransforms.clipByGlobalNorm(new float[][] {e}, 10f));
        assertArrayEquals(new float[] {3, 4}, e, "a norm under max_norm leaves the gradient alone");
        assertNotEquals(0f, GradientTransforms.clipByGlobalNorm(new float[][] {e}, 1f));
        assertEquals(1f, (float) Math.hypot(e[0], e[1]), 1e-6f);
    }
}
