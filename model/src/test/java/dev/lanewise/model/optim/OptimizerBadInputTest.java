package dev.lanewise.model.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Optimizers refuse gradients that do not fit and rates that make no sense, changing no parameter and no state. */
class OptimizerBadInputTest {

    private static final List<OptimizerSpec> SPECS = List.of(
            OptimizerSpec.sgd(SgdConfig.of(0.1).withMomentum(0.9)),
            OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)));

    @Test
    void gradientsOfTheWrongCountOrLengthChangeNothing() {
        for (OptimizerSpec spec : SPECS) {
            float[] a = {1, 2, 3};
            float[] b = {4, 5, 6, 7};
            Optimizer optimizer = spec.create(a, b);
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> optimizer.step(new float[] {1, 1, 1}));
            assertEquals("need one gradient per parameter array (2), got 1", count.getMessage(), spec.name());
            IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                    () -> optimizer.step(new float[] {1, 1, 1}, new float[] {1, 1, 1}));
            assertEquals("grads[1] must have length 4, had 3", length.getMessage(), spec.name());
            assertArrayEquals(new float[] {1, 2, 3}, a, spec.name());
            assertArrayEquals(new float[] {4, 5, 6, 7}, b, spec.name());
            assertEquals(0, optimizer.stepCount(), spec.name());
            // State untouched too: the first real step moves the parameters exactly as a fresh optimizer's does.
            float[] a2 = {1, 2, 3};
            float[] b2 = {4, 5, 6, 7};
            Optimizer fresh = spec.create(a2, b2);
            float[][] grads = {{0.5f, -1, 2}, {1, 1, -3, 0.25f}};
            optimizer.step(grads);
            fresh.step(grads);
            assertArrayEquals(a2, a, spec.name());
            assertArrayEquals(b2, b, spec.name());
        }
    }

    @Test
    void aNonFiniteGradientSkipsTheWholeStep() {
        float[] a = {1, 2};
        float[] b = {3};
        Optimizer optimizer = SPECS.get(1).create(a, b);
        assertFalse(optimizer.step(new float[] {0.1f, 0.1f}, new float[] {Float.NaN}));
        assertArrayEquals(new float[] {1, 2}, a, "the finite array is not updated either");
        assertArrayEquals(new float[] {3}, b);
        assertEquals(0, optimizer.stepCount());
        assertEquals(1, optimizer.skippedSteps());
    }

    @Test
    void noParameterArraysOrANullOneAreRefused() {
        OptimizerSpec spec = SPECS.get(0);
        assertEquals("params must hold at least one array",
                assertThrows(IllegalArgumentException.class, spec::create).getMessage());
        assertEquals("params[1] must not be null", assertThrows(IllegalArgumentException.class,
                () -> spec.create(new float[2], null)).getMessage());
        assertEquals("config must not be null", assertThrows(IllegalArgumentException.class,
                () -> new Sgd(null, new float[2])).getMessage());
        assertEquals("config", assertThrows(NullPointerException.class, () -> OptimizerSpec.adam(null)).getMessage());
    }

    @Test
    void aLearningRateThatMakesNoSenseIsRefusedAndTheOldOneKept() {
        Optimizer optimizer = SPECS.get(1).create(new float[2]);
        for (double lr : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> optimizer.setLr(lr));
            assertEquals("lr must be finite and >= 0, was " + lr, e.getMessage());
            assertEquals(0.01, optimizer.lr());
        }
        for (OptimizerSpec spec : SPECS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.withLr(-0.5));
            assertTrue(e.getMessage().contains("lr") && e.getMessage().contains("-0.5"), e.getMessage());
        }
    }

    @Test
    void hyperparametersThatMakeNoSenseAreRefusedBeforeASpecExists() {
        IllegalArgumentException betas = assertThrows(IllegalArgumentException.class,
                () -> OptimizerSpec.adam(AdamConfig.adam().withBetas(1.0, 0.999)));
        assertEquals("betas[0] must be in [0, 1), was 1.0", betas.getMessage());
        IllegalArgumentException eps = assertThrows(IllegalArgumentException.class,
                () -> OptimizerSpec.adam(AdamConfig.adam().withEps(0)));
        assertTrue(eps.getMessage().contains("eps") && eps.getMessage().contains("0.0"), eps.getMessage());
        IllegalArgumentException momentum = assertThrows(IllegalArgumentException.class,
                () -> OptimizerSpec.sgd(SgdConfig.of(0.1).withMomentum(-0.9)));
        assertTrue(momentum.getMessage().contains("momentum") && momentum.getMessage().contains("-0.9"), momentum.getMessage());
    }

    @Test
    void updatesTellsWhetherTheOptimizerOwnsExactlyTheseArrays() {
        float[] a = new float[2];
        float[] b = new float[3];
        Optimizer optimizer = SPECS.get(0).create(a, b);
        assertTrue(optimizer.updates(List.of(a, b)));
        assertFalse(optimizer.updates(List.of(b, a)));
        assertFalse(optimizer.updates(List.of(a, new float[3])), "same lengths, other arrays");
        assertFalse(optimizer.updates(List.of(a)));
        assertFalse(optimizer.updates(null));
    }
}
