package dev.lanewise.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.gemm.GemmSettings;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.LabelMapping;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.nn.Activation;
import dev.lanewise.model.nn.ActivationFunction;
import dev.lanewise.model.nn.Dense;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.nn.WeightInit;
import dev.lanewise.model.optim.Adam;
import dev.lanewise.model.optim.Optimizer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A training step on 1, 2 and 3 threads gives the same bits: an MLP 784-256-10 (ReLU, softmax cross-entropy,
 * Adam) whose products are all split (the split threshold set to 0) and whose first weight (200,704
 * elements) is updated in chunks.
 */
class ThreadCountTest {
    private static final int BATCH = 64;
    private static final int ROWS = 4 * BATCH;

    @Test
    void anMlpStepGivesTheSameBitsOnOneTwoAndThreeThreads() {
        long before = GemmSettings.minSplitFlops();
        GemmSettings.setMinSplitFlops(0); // split every product, even 64x10x256, so every GEMM path is covered
        try {
            List<float[]> reference = train(1);
            for (int threads = 2; threads <= 3; threads++) {
                List<float[]> values = train(threads);
                for (int i = 0; i < reference.size(); i++) {
                    assertArrayEquals(reference.get(i), values.get(i), "parameter " + i + " on " + threads + " threads");
                }
            }
            // The steps did something: the weights moved from their start.
            assertFalse(java.util.Arrays.equals(reference.get(0), mlp().parameters().get(0).value()));
        } finally {
            GemmSettings.setMinSplitFlops(before);
        }
    }

    @Test
    void aFitGivesTheSameBitsOnOneAndThreeThreadsAndLeavesNoThreadsBehind() {
        Dataset data = syntheticDigits();
        float[] reference = null;
        for (int threads : new int[] {1, 3}) {
            Sequential network = mlp();
            Optimizer adam = new Adam(AdamConfig.adam().withLr(1e-3), values(network));
            TrainingConfig config = TrainingConfig.defaults().withBatchSize(BATCH).withMaxEpochs(2).withThreads(threads);
            int before = liveComputeThreads();
            new Trainer(config).fit(network, new SoftmaxCrossEntropy(), adam, data, null, null, List.of());
            float[] w = network.parameters().get(0).value();
            if (reference == null) {
                reference = w.clone();
            } else {
                assertArrayEquals(reference, w, "threads " + threads);
            }
            assertEquals(before, liveComputeThreads(), "the fit's pool threads are still alive");
            // The network stays usable after the fit, on Gemm's defaults.
            assertEquals(10, network.forward(data.features(), dev.lanewise.model.nn.Mode.INFERENCE).cols());
        }
    }

    @Test
    void aStepMadeWithThreadsStartsThemAndCloseStopsThem() {
        Sequential network = mlp();
        Optimizer adam = new Adam(AdamConfig.adam(), values(network));
        int before = liveComputeThreads();
        TrainingStep step = new TrainingStep(network, new SoftmaxCrossEntropy(), adam,
                TrainingConfig.defaults().withThreads(3));
        assertEquals(3, step.threads());
        assertEquals(before + 2, liveComputeThreads());
        Data d = data(1);
        assertTrue(Double.isFinite(step.step(d.x.rowRange(0, BATCH), null, d.labels, 0, null)));
        step.close();
        step.close(); // idempotent
        assertEquals(before, liveComputeThreads());
    }

    @Test
    void threadsDefaultsToEveryProcessorAndRefusesNegatives() {
        TrainingConfig config = TrainingConfig.defaults();
        assertEquals(0, config.threads());
        assertEquals(Runtime.getRuntime().availableProcessors(), config.resolvedThreads());
        assertEquals(2, config.withThreads(2).resolvedThreads());
        assertNotEquals(config, config.withThreads(2));
        assertEquals(2, config.withThreads(2).withMaxEpochs(5).withSeed(3).threads(), "the withers keep threads");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.withThreads(-1));
        assertEquals("threads must be >= 0 (0 = every available processor), was -1", e.getMessage());
    }

    /** Four steps over four batches; returns copies of every parameter. */
    private static List<float[]> train(int threads) {
        Sequential network = mlp();
        Optimizer adam = new Adam(AdamConfig.adam().withLr(1e-3), values(network));
        Data d = data(5);
        try (TrainingStep step = new TrainingStep(network, new SoftmaxCrossEntropy(), adam,
                TrainingConfig.defaults().withThreads(threads))) {
            assertEquals(threads, step.threads());
            for (int s = 0; s < 4; s++) {
                double loss = step.step(d.x.rowRange(s * BATCH, (s + 1) * BATCH), null, d.labels, s * BATCH, null);
                assertTrue(Double.isFinite(loss), step.failure());
            }
        }
        return network.parameters().stream().map(p -> p.value().clone()).toList();
    }

    /** Dense(784 -> 256) + ReLU + Dense(256 -> 10), seeded. */
    private static Sequential mlp() {
        return new Sequential(
                new Dense("dense0", 784, 256, WeightInit.HE_UNIFORM, 1, false),
                new Activation(ActivationFunction.RELU, 256),
                new Dense("dense1", 256, 10, WeightInit.XAVIER_UNIFORM, 2, true));
    }

    private static float[][] values(Sequential network) {
        return network.parameters().stream().map(Parameter::value).toArray(float[][]::new);
    }

    private record Data(Matrix x, int[] labels) {}

    /** Pixels in [0, 1) and labels 0..9, seeded. */
    private static Data data(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[ROWS * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = random.nextInt(10);
        }
        return new Data(Matrix.wrap(x, ROWS, 784), labels);
    }

    private static Dataset syntheticDigits() {
        Data d = data(9);
        return Dataset.classification(d.x, d.labels, LabelMapping.identity(10));
    }

    private static int liveComputeThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("lanewise-compute-")).count();
    }
}
