package dev.lanewise.harness.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanewise.kernels.optim.AdamConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Adam's per-step factors are remembered per thread for the last configuration and step asked for: whatever the
 * order of the questions (two configurations and steps in turn, on two threads at once), each answer is the
 * formula's, {@code lr / (1 - beta1^t)} and {@code 1 / sqrt(1 - beta2^t)} (PyTorch's bias corrections).
 */
class AdamFactorsTest {
    private static final AdamConfig FIRST = AdamConfig.adam();
    private static final AdamConfig SECOND = AdamConfig.adam().withLr(3e-4).withBetas(0.8, 0.99);

    @Test
    void interleavedConfigurationsAndStepsGetTheirOwnFactors() {
        for (long step = 1; step < 2_000; step += 7) {
            assertFactors(FIRST, step);
            assertFactors(SECOND, step);
            assertFactors(FIRST, step);
            assertFactors(FIRST, step + 1);
            // Each differs from FIRST in one of the three values the factors depend on, asked right after FIRST.
            for (AdamConfig oneValueOff : new AdamConfig[] {FIRST.withLr(2e-3), FIRST.withBetas(0.85, FIRST.beta2()),
                    FIRST.withBetas(FIRST.beta1(), 0.99)}) {
                assertFactors(FIRST, step);
                assertFactors(oneValueOff, step);
            }
        }
    }

    @Test
    void twoThreadsAskingAtOnceGetTheirOwnFactors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> {
                for (long step = 1; step < 20_000; step++) {
                    assertFactors(FIRST, step);
                }
            });
            Future<?> b = pool.submit(() -> {
                for (long step = 20_000; step > 0; step--) {
                    assertFactors(SECOND, step);
                }
            });
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertFactors(AdamConfig config, long step) {
        float stepSize = (float) (config.lr() / (1 - Math.pow(config.beta1(), step)));
        float inverseRoot = (float) (1 / Math.sqrt(1 - Math.pow(config.beta2(), step)));
        assertEquals(Float.floatToIntBits(stepSize), Float.floatToIntBits(config.stepSize(step)), () -> config + " step " + step);
        assertEquals(Float.floatToIntBits(inverseRoot), Float.floatToIntBits(config.inverseSqrtBiasCorrection2(step)),
                () -> config + " step " + step);
    }
}
