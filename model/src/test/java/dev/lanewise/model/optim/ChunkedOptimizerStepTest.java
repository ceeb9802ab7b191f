package dev.lanewise.model.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdadeltaConfig;
import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.AdamaxConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.NAdamConfig;
import dev.lanewise.kernels.optim.Optimizers;
import dev.lanewise.kernels.optim.RAdamConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.parallel.ComputePool;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * An optimizer step split into chunks over 1, 2 and 3 threads gives the same bits as the step on one thread:
 * every optimizer, with every state buffer its configuration uses, over one array long enough to split (with
 * a length that is no multiple of the chunk alignment) and short ones that are not split.
 */
class ChunkedOptimizerStepTest {
    /** Long enough to be split, and odd, so that chunks end in a tail. */
    private static final int LONG = 3 * Optimizer.MIN_SPLIT_LENGTH + 77;
    private static final int[] LENGTHS = {LONG, 1000, 1, Optimizer.MIN_SPLIT_LENGTH};
    private static final int STEPS = 4;

    static List<OptimizerSpec> specs() {
        return List.of(
                OptimizerSpec.sgd(SgdConfig.of(0.01).withMomentum(0.9).withNesterov(true).withWeightDecay(1e-3)),
                OptimizerSpec.adam(AdamConfig.adam().withLr(0.01).withAmsgrad(true).withWeightDecay(1e-3)),
                OptimizerSpec.adam(AdamConfig.adamW().withLr(0.01)),
                OptimizerSpec.adagrad(AdagradConfig.defaults().withLrDecay(0.1)),
                OptimizerSpec.rmsprop(RmspropConfig.defaults().withCentered(true).withMomentum(0.9)),
                OptimizerSpec.adadelta(AdadeltaConfig.defaults()),
                OptimizerSpec.adamax(AdamaxConfig.defaults()),
                OptimizerSpec.nadam(NAdamConfig.defaults().withLr(0.01)),
                OptimizerSpec.radam(RAdamConfig.defaults().withLr(0.01)),
                OptimizerSpec.lion(LionConfig.defaults().withWeightDecay(0.1)));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void chunkedStepsGiveTheBitsOfOneThread(OptimizerSpec spec) {
        float[][] reference = run(spec, 0);
        for (int threads = 1; threads <= 3; threads++) {
            float[][] chunked = run(spec, threads);
            for (int k = 0; k < LENGTHS.length; k++) {
                assertArrayEquals(reference[k], chunked[k], spec.name() + ", " + threads + " threads, array " + k);
            }
        }
    }

    /** NAdam's momentum product is shared by every chunk: the kernel itself, step by step, over whole arrays. */
    @Test
    void chunkedNAdamFollowsTheKernelOverWholeArrays() {
        NAdamConfig config = NAdamConfig.defaults().withLr(0.01);
        float[][] params = start();
        float[][] m = zerosLike(params);
        float[][] v = zerosLike(params);
        double[] product = {1, 1, 1, 1};
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 1; step <= STEPS; step++) {
            float[][] grads = gradients(random);
            for (int k = 0; k < params.length; k++) {
                product[k] = Optimizers.kernels().nadam(params[k].length, params[k], 0, grads[k], 0, m[k], 0, v[k], 0,
                        config, step, product[k]);
            }
        }
        float[][] chunked = run(OptimizerSpec.nadam(config), 3);
        for (int k = 0; k < LENGTHS.length; k++) {
            assertArrayEquals(params[k], chunked[k], "array " + k);
        }
    }

    @Test
    void aNonFiniteGradientInOneChunkSkipsTheWholeStep() {
        try (ComputePool pool = new ComputePool(3)) {
            float[][] params = start();
            float[][] before = copy(params);
            Optimizer adam = OptimizerSpec.adam(AdamConfig.adam()).create(params);
            adam.useThreads(pool);
            float[][] grads = gradients(new SplittableRandom(3));
            grads[0][LONG - 5] = Float.NaN; // in the last chunk of the split array
            assertFalse(adam.step(grads));
            assertEquals(0, adam.stepCount());
            assertEquals(1, adam.skippedSteps());
            for (int k = 0; k < params.length; k++) {
                assertArrayEquals(before[k], params[k], "array " + k + " changed");
            }
            grads[0][LONG - 5] = 0;
            assertTrue(adam.step(grads));
            assertEquals(1, adam.stepCount());
        }
    }

    /** STEPS steps from the same start and gradients, on a pool of {@code threads} threads (0: no pool). */
    private static float[][] run(OptimizerSpec spec, int threads) {
        float[][] params = start();
        Optimizer optimizer = spec.create(params);
        ComputePool pool = threads == 0 ? null : new ComputePool(threads);
        try {
            optimizer.useThreads(pool);
            SplittableRandom random = new SplittableRandom(7);
            for (int step = 0; step < STEPS; step++) {
                assertTrue(optimizer.step(gradients(random)));
            }
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
        return params;
    }

    private static float[][] start() {
        SplittableRandom random = new SplittableRandom(1);
        float[][] params = new float[LENGTHS.length][];
        for (int k = 0; k < params.length; k++) {
            params[k] = new float[LENGTHS[k]];
            for (int i = 0; i < LENGTHS[k]; i++) {
                params[k][i] = (float) random.nextDouble(-1, 1);
            }
        }
        return params;
    }

    private static float[][] gradients(SplittableRandom random) {
        float[][] grads = new float[LENGTHS.length][];
        for (int k = 0; k < grads.length; k++) {
            grads[k] = new float[LENGTHS[k]];
            for (int i = 0; i < LENGTHS[k]; i++) {
                grads[k][i] = (float) random.nextDouble(-1, 1);
            }
        }
        return grads;
    }

    private static float[][] zerosLike(float[][] arrays) {
        float[][] out = new float[arrays.length][];
        for (int k = 0; k < arrays.length; k++) {
            out[k] = new float[arrays[k].length];
        }
        return out;
    }

    private static float[][] copy(float[][] arrays) {
        float[][] out = new float[arrays.length][];
        for (int k = 0; k < arrays.length; k++) {
            out[k] = arrays[k].clone();
        }
        return out;
    }
}
