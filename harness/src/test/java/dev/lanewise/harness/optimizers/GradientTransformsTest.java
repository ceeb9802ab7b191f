package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.optim.GradientTransforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Penalties, clipping and decoupled decay against values worked out by hand (all exact in float). */
class GradientTransformsTest {

    static List<KernelProvider> implementations() {
        return Kernels.all();
    }

    /** 19 elements, so every width runs its tail: a repeating pattern of 1, -2, 0, 3, -0.5. */
    private static float[] pattern() {
        float[] base = {1, -2, 0, 3, -0.5f};
        float[] x = new float[19];
        for (int i = 0; i < x.length; i++) {
            x[i] = base[i % 5];
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void l2PenaltyIsHalfLambdaTimesTheSumOfSquaresAndAddsLambdaTheta(KernelProvider impl) {
        float[] param = pattern();
        float[] grad = new float[19];
        java.util.Arrays.fill(grad, 1f);
        // Squares per period: 1 + 4 + 0 + 9 + 0.25 = 14.25; 19 elements = 3 periods + 1, -2, 0, 3: 42.75 + 14.
        float value = impl.optimizers().l2Penalty(19, 0.5f, param, 0, grad, 0);
        assertEquals(0.25f * (42.75f + 14f), value, impl.name());
        for (int i = 0; i < 19; i++) {
            assertEquals(1f + 0.5f * param[i], grad[i], impl.name() + " element " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void l1PenaltyIsLambdaTimesTheSumOfMagnitudesAndAddsLambdaSign(KernelProvider impl) {
        float[] param = pattern();
        float[] grad = new float[19];
        // Magnitudes per period: 6.5; 3 periods + 1 + 2 + 0 + 3 = 25.5.
        float value = impl.optimizers().l1Penalty(19, 2f, param, 0, grad, 0);
        assertEquals(2f * 25.5f, value, impl.name());
        for (int i = 0; i < 19; i++) {
            assertEquals(2f * Math.signum(param[i]), grad[i], impl.name() + " element " + i);
        }
    }

    @Test
    void facadesGiveTheSameValues() {
        float[] grad = new float[19];
        assertEquals(0.25f * 56.75f, GradientTransforms.l2Penalty(0.5f, pattern(), grad));
        assertEquals(51f, GradientTransforms.l1Penalty(2f, pattern(), new float[19]));
    }

    @Test
    void decoupledWeightDecayScalesByOneMinusLrTimesDecay() {
        float[] param = pattern();
        GradientTransforms.decoupledWeightDecay(param, 0.5, 0.5);
        float[] expected = pattern();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= 0.75f;
        }
        assertArrayEquals(expected, param);
    }

    @Test
    void clipByValueClampsAndKeepsNaN() {
        float[] g = {-3, -1, 0.5f, 2, Float.NaN, Float.POSITIVE_INFINITY, -0f};
        GradientTransforms.clipByValue(g, 1f);
        assertArrayEquals(new float[] {-1, -1, 0.5f, 1, Float.NaN, 1, -0f}, g);
    }

    @Test
    void clipByGlobalNormScalesEveryArrayByOneFactor() {
        float[] a = {3, 0};
        float[] b = {0, 4};
        float total = GradientTransforms.clipByGlobalNorm(new float[][] {a, b}, 1f);
        assertEquals(5f, total);
        float c = (float) (1 / (5 + 1e-6));
        assertArrayEquals(new float[] {3 * c, 0}, a);
        assertArrayEquals(new float[] {0, 4 * c}, b);
        float[] x = {1, -2};
        float[] y = {2};
        assertEquals(2f, GradientTransforms.clipByGlobalNorm(new float[][] {x, y}, 1f, Double.POSITIVE_INFINITY, true));
        assertEquals(5f, GradientTransforms.clipByGlobalNorm(new float[][] {{1, -2}, {2}}, 10f, 1, true));
        assertTrue(GradientTransforms.clipByGlobalNorm(new float[0][], 1f) == 0f);
    }
}
