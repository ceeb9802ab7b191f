package dev.lanewise.harness.optimizers;

import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.GradientTransforms;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad hyperparameters are refused at construction, bad calls before anything is written; messages name both. */
class OptimizerArgumentTest {

    private static void refused(String name, String value, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(value),
                "message should name " + name + " and " + value + ": " + e.getMessage());
    }

    @Test
    void negativeOrNonFiniteLearningRatesAreRefused() {
        refused("lr", "-0.1", () -> SgdConfig.of(-0.1));
        refused("lr", "NaN", () -> SgdConfig.of(Double.NaN));
        refused("lr", "Infinity", () -> AdamConfig.adam().withLr(Double.POSITIVE_INFINITY));
        refused("lr", "-1.0", () -> AdagradConfig.defaults().withLr(-1));
        refused("lr", "-1.0", () -> RmspropConfig.defaults().withLr(-1));
        refused("lr", "-1.0", () -> AdadeltaConfig.defaults().withLr(-1));
        refused("lr", "-1.0", () -> AdamaxConfig.defaults().withLr(-1));
        refused("lr", "-1.0", () -> NAdamConfig.defaults().withLr(-1));
        refused("lr", "-1.0", () -> RAdamConfig.defaults().withLr(-1));
        refused("lr", "-1.0", () -> LionConfig.defaults().withLr(-1));
    }

    @Test
    void betasOutsideTheHalfOpenUnitIntervalAreRefused() {
        refused("betas[0]", "1.0", () -> AdamConfig.adam().withBetas(1.0, 0.999));
        refused("betas[1]", "-0.1", () -> AdamConfig.adamW().withBetas(0.9, -0.1));
        refused("betas[1]", "NaN", () -> AdamConfig.adam().withBetas(0.9, Double.NaN));
        refused("betas[0]", "1.5", () -> new AdamaxConfig(1e-3, 1.5, 0.9, 1e-8, 0, false));
        refused("betas[1]", "1.0", () -> new NAdamConfig(1e-3, 0.9, 1.0, 1e-8, 0, 4e-3));
        refused("betas[0]", "-1.0", () -> RAdamConfig.defaults().withBetas(-1, 0.9));
        refused("betas[1]", "1.0", () -> new LionConfig(1e-4, 0.9, 1.0, 0));
        refused("alpha", "1.0", () -> RmspropConfig.defaults().withAlpha(1.0));
        refused("rho", "1.0", () -> AdadeltaConfig.defaults().withRho(1.0));
    }

    @Test
    void nonPositiveEpsIsRefused() {
        refused("eps", "0.0", () -> AdamConfig.adam().withEps(0));
        refused("eps", "-1.0E-8", () -> AdagradConfig.defaults().withEps(-1e-8));
        refused("eps", "0.0", () -> RmspropConfig.defaults().withEps(0));
        refused("eps", "0.0", () -> AdadeltaConfig.defaults().withEps(0));
        refused("eps", "NaN", () -> new RAdamConfig(1e-3, 0.9, 0.999, Double.NaN, 0));
    }

    @Test
    void negativeMomentumAndDecayAreRefused() {
        refused("momentum", "-0.5", () -> SgdConfig.of(0.1).withMomentum(-0.5));
        refused("momentum", "-0.5", () -> RmspropConfig.defaults().withMomentum(-0.5));
        refused("weight_decay", "-0.01", () -> AdamConfig.adamW().withWeightDecay(-0.01));
        refused("weight_decay", "-0.01", () -> LionConfig.defaults().withWeightDecay(-0.01));
        refused("dampening", "1.5", () -> SgdConfig.of(0.1).withMomentum(0.9).withDampening(1.5));
        refused("lr_decay", "-1.0", () -> AdagradConfig.defaults().withLrDecay(-1));
        refused("initial_accumulator_value", "-1.0", () -> AdagradConfig.defaults().withInitialAccumulatorValue(-1));
        refused("momentum_decay", "-1.0", () -> NAdamConfig.defaults().withMomentumDecay(-1));
    }

    @Test
    void nesterovWithoutMomentumOrWithDampeningIsRefused() {
        refused("nesterov", "momentum = 0.0", () -> SgdConfig.of(0.1).withNesterov(true));
        refused("nesterov", "dampening = 0.5", () -> new SgdConfig(0.1, 0.9, 0.5, 0, true, false));
    }

    @Test
    void pytorchDefaultsAreTheFactories() {
        assertTrue(AdamConfig.adam().equals(new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 0, false, false, false)));
        assertTrue(AdamConfig.adamW().equals(new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false, true)));
        assertTrue(AdagradConfig.defaults().equals(new AdagradConfig(1e-2, 0, 0, 0, 1e-10, false)));
        assertTrue(RmspropConfig.defaults().equals(new RmspropConfig(1e-2, 0.99, 1e-8, 0, 0, false, false)));
        assertTrue(AdadeltaConfig.defaults().equals(new AdadeltaConfig(1.0, 0.9, 1e-6, 0, false)));
        assertTrue(AdamaxConfig.defaults().equals(new AdamaxConfig(2e-3, 0.9, 0.999, 1e-8, 0, false)));
        assertTrue(NAdamConfig.defaults().equals(new NAdamConfig(2e-3, 0.9, 0.999, 1e-8, 0, 4e-3)));
        assertTrue(RAdamConfig.defaults().equals(new RAdamConfig(1e-3, 0.9, 0.999, 1e-8, 0)));
        assertTrue(LionConfig.defaults().equals(new LionConfig(1e-4, 0.9, 0.99, 0)));
    }

    static java.util.List<String> names() {
        return FacadeSteps.NAMES;
    }

    /** Runs {@code call} expecting {@code type}, and checks every array is as it was. */
    private static RuntimeException refusedUntouched(Class<? extends RuntimeException> type, float[] param,
            float[] grad, FacadeSteps.State s, Executable call) {
        float[] p0 = param.clone();
        float[] g0 = grad.clone();
        FacadeSteps.State s0 = s.copy();
        RuntimeException e = assertThrows(type, call);
        assertArrayEquals(p0, param);
        assertArrayEquals(g0, grad);
        assertArrayEquals(s0.a(), s.a());
        assertArrayEquals(s0.b(), s.b());
        assertArrayEquals(s0.c(), s.c());
        assertArrayEquals(s0.muProduct(), s.muProduct());
        return e;
    }

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.25f * (i + 1);
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("names")
    void mismatchedLengthsAreRefusedBeforeAnyWrite(String name) {
        FacadeSteps.State s = FacadeSteps.State.of(17);
        float[] param = ramp(17);
        refusedUntouched(IllegalArgumentException.class, param, ramp(16), s,
                () -> FacadeSteps.step(name, param, ramp(16), s, 1));
        FacadeSteps.State shortState = new FacadeSteps.State(new float[17], new float[17], new float[16], new double[] {1});
        float[] grad = ramp(17);
        if (!name.equals("lion") && !name.equals("sgd") && !name.equals("adagrad") && !name.equals("adadelta")
                && !name.equals("adamax") && !name.equals("nadam") && !name.equals("radam")) {
            refusedUntouched(IllegalArgumentException.class, param, grad, shortState,
                    () -> FacadeSteps.step(name, param, grad, shortState, 1));
        }
        FacadeSteps.State shortFirst = new FacadeSteps.State(new float[3], new float[17], new float[17], new double[] {1});
        refusedUntouched(IllegalArgumentException.class, param, grad, shortFirst,
                () -> FacadeSteps.step(name, param, grad, shortFirst, 1));
    }

    @ParameterizedTest
    @MethodSource("names")
    void aStepBelowOneIsRefusedBeforeAnyWrite(String name) {
        FacadeSteps.State s = FacadeSteps.State.of(9);
        float[] param = ramp(9);
        float[] grad = ramp(9);
        refusedUntouched(IllegalArgumentException.class, param, grad, s, () -> FacadeSteps.step(name, param, grad, s, 0));
    }

    @Test
    void rangesOutsideTheArraysAreRefusedBeforeAnyWrite() {
        float[] param = ramp(20);
        float[] grad = ramp(20);
        float[] m = new float[20];
        float[] v = new float[20];
        FacadeSteps.State s = new FacadeSteps.State(m, v, new float[0], new double[] {1});
        AdamConfig c = AdamConfig.adam();
        refusedUntouched(IndexOutOfBoundsException.class, param, grad, s,
                () -> Optimizers.adam(10, param, 5, grad, 11, m, 0, v, 0, null, 0, c, 1));
        refusedUntouched(IndexOutOfBoundsException.class, param, grad, s,
                () -> Optimizers.adam(10, param, 0, grad, 0, m, -1, v, 0, null, 0, c, 1));
        refusedUntouched(IllegalArgumentException.class, param, grad, s,
                () -> Optimizers.adam(-1, param, 0, grad, 0, m, 0, v, 0, null, 0, c, 1));
        // amsgrad needs its buffer; without amsgrad a null one is fine. A missing one is a null argument.
        assertEquals("max_exp_avg_sq", refusedUntouched(NullPointerException.class, param, grad, s,
                () -> Optimizers.adam(10, param, 0, grad, 0, m, 0, v, 0, null, 0, c.withAmsgrad(true), 1)).getMessage());
        assertEquals("momentum_buffer", refusedUntouched(NullPointerException.class, param, grad, s,
                () -> Optimizers.sgd(param, grad, null, SgdConfig.of(0.1).withMomentum(0.5), 1)).getMessage());
        assertEquals("config", refusedUntouched(NullPointerException.class, param, grad, s,
                () -> Optimizers.adam(param, grad, m, v, null, null, 1)).getMessage());
        assertTrue(Optimizers.adam(10, param, 0, grad, 0, m, 0, v, 0, null, 0, c, 1));
        assertTrue(Optimizers.sgd(param, grad, null, SgdConfig.of(0.1), 1));
    }

    @Test
    void gradientTransformsRefuseBadArgumentsBeforeAnyWrite() {
        float[] a = ramp(5);
        float[] b = {Float.NaN, 1, 2};
        float[] a0 = a.clone();
        refused("clip_value", "-1.0", () -> GradientTransforms.clipByValue(a, -1f));
        refused("max_norm", "-1.0", () -> GradientTransforms.clipByGlobalNorm(new float[][] {a}, -1f));
        refused("norm_type", "0.0", () -> GradientTransforms.clipByGlobalNorm(new float[][] {a}, 1f, 0, false));
        refused("non-finite", "NaN", () -> GradientTransforms.clipByGlobalNorm(new float[][] {a, b}, 1f, 2, true));
        refused("lambda", "-0.5", () -> GradientTransforms.l2Penalty(-0.5f, a, ramp(5)));
        refused("lambda", "NaN", () -> GradientTransforms.l1Penalty(Float.NaN, a, ramp(5)));
        refused("param and grad", "5 and 4", () -> GradientTransforms.l1Penalty(0.5f, a, ramp(4)));
        refused("weight_decay", "-1.0", () -> GradientTransforms.decoupledWeightDecay(a, 0.1, -1));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> GradientTransforms.clipByGlobalNorm(new float[][] {a, null}, 1f));
        assertEquals("grads[1]", e.getMessage());
        assertArrayEquals(a0, a);
        assertTrue(Float.isNaN(b[0]) && b[1] == 1 && b[2] == 2, Arrays.toString(b));
    }
}
