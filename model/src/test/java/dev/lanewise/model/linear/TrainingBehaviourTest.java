package dev.lanewise.model.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.gemm.GemmSettings;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.TrainValidationTestSplit;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.nn.Dense;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.optim.schedule.StepLr;
import dev.lanewise.model.train.EpochRecord;
import dev.lanewise.model.train.History;
import dev.lanewise.model.train.TrainingConfig;
import dev.lanewise.model.train.TrainingDivergedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingBehaviourTest {

    @Test
    void aDivergingRunNamesEpochAndStepAndKeepsFiniteParameters() {
        LinearRegression model = new LinearRegression(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of(1e6)),
                TrainingConfig.defaults().withBatchSize(16).withMaxEpochs(50));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> model.fit(Datasets.diabetes()));
        assertTrue(e.getMessage().contains("epoch " + e.epoch()) && e.getMessage().contains("step " + e.step()), e.getMessage());
        assertTrue(e.step() >= 1);
        for (Parameter p : model.network().parameters()) {
            for (float v : p.value()) {
                assertTrue(Float.isFinite(v), p.name() + " holds " + v);
            }
        }
        // The kept parameters still predict finite values.
        for (float y : model.predict(Datasets.diabetes().features())) {
            assertTrue(Float.isFinite(y));
        }
    }

    @Test
    void theSameSeedGivesTheSameBitsForAnyThreadCount() {
        float[] reference = null;
        long before = GemmSettings.minSplitFlops();
        try {
            GemmSettings.setMinSplitFlops(0); // the digits products are small: split them anyway
            for (int threads : new int[] {1, 2, 3}) {
                for (int run = 0; run < 2; run++) {
                    SoftmaxRegression model = new SoftmaxRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)),
                            TrainingConfig.defaults().withBatchSize(256).withMaxEpochs(3).withSeed(11).withThreads(threads));
                    model.fit(Datasets.digits());
                    float[] w = ((Dense) model.network().layers().get(0)).weight().value();
                    if (reference == null) {
                        reference = w.clone();
                    } else {
                        assertArrayEquals(reference, w, "threads " + threads + ", run " + run);
                    }
                }
            }
        } finally {
            GemmSettings.setMinSplitFlops(before);
        }
    }

    @Test
    void aDifferentShuffleSeedGivesDifferentWeights() {
        float[][] w = new float[2][];
        for (int seed = 0; seed < 2; seed++) {
            LogisticRegression model = new LogisticRegression(OptimizerSpec.sgd(SgdConfig.of(0.01)),
                    TrainingConfig.defaults().withBatchSize(8).withMaxEpochs(2).withSeed(seed));
            model.fit(Datasets.breastCancer());
            w[seed] = ((Dense) model.network().layers().get(0)).weight().value().clone();
        }
        assertTrue(!java.util.Arrays.equals(w[0], w[1]));
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestValidationWeights() {
        TrainValidationTestSplit split = Splits.trainValidationTest(Datasets.breastCancer(), 0.2, 0.2, 5, true);
        LogisticRegression model = new LogisticRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.3)),
                TrainingConfig.defaults().withBatchSize(8).withMaxEpochs(300).withEarlyStopping(3, 0, true));
        History history = model.fit(split.train(), split.validation());
        List<EpochRecord> epochs = history.epochs();
        assertTrue(epochs.size() < 300, "stopped early: " + history.stopReason());
        double best = epochs.stream().mapToDouble(EpochRecord::validationLoss).min().orElseThrow();
        assertEquals(best, epochs.get(history.bestEpoch() - 1).validationLoss());
        // The restored weights give the best epoch's validation loss again.
        assertEquals(best, model.loss(split.validation()), 1e-6 * Math.max(1, best));
    }

    @Test
    void toleranceStopsWhenTheTrainingLossStopsImproving() {
        LinearRegression model = new LinearRegression(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of(0.1)),
                TrainingConfig.defaults().withFullBatch().withMaxEpochs(100_000).withTolerance(1e-3, 5));
        History history = model.fit(Datasets.diabetes());
        assertTrue(history.epochs().size() < 100_000);
        assertTrue(history.stopReason().contains("tol"), history.stopReason());
    }

    @Test
    void theScheduleSetsEachEpochsLearningRate() {
        LinearRegression model = new LinearRegression(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of(0.1)),
                TrainingConfig.defaults().withFullBatch().withMaxEpochs(7).withSchedule(new StepLr(3, 0.5)));
        History history = model.fit(Datasets.diabetes());
        double[] expected = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025};
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], history.epochs().get(e).lr(), 1e-12, "epoch " + (e + 1));
        }
    }

    @Test
    void maxNormAndWeightClipConstrainTheWeights() {
        SoftmaxRegression maxNorm = new SoftmaxRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.05)),
                TrainingConfig.defaults().withMaxEpochs(3).withMaxNorm(0.5));
        maxNorm.fit(Datasets.digits());
        Dense dense = (Dense) maxNorm.network().layers().get(0);
        float[] w = dense.weight().value();
        for (int c = 0; c < 10; c++) {
            double s = 0;
            for (int r = 0; r < 64; r++) {
                s += w[r * 10 + c] * w[r * 10 + c];
            }
            assertTrue(Math.sqrt(s) <= 0.5 + 1e-5, "column " + c + " norm " + Math.sqrt(s));
        }
        SoftmaxRegression clipped = new SoftmaxRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.05)),
                TrainingConfig.defaults().withMaxEpochs(3).withWeightClip(0.01));
        clipped.fit(Datasets.digits());
        float max = 0;
        for (float v : ((Dense) clipped.network().layers().get(0)).weight().value()) {
            max = Math.max(max, Math.abs(v));
        }
        assertEquals(0.01f, max, "some weight sits at the clip bound");
    }

    @Test
    void anL1PenaltyZeroesMoreWeightsThanNone() {
        int[] zeros = new int[2];
        double[] l1 = {0, 20};
        for (int i = 0; i < 2; i++) {
            LinearRegression model = new LinearRegression(new MeanSquaredError(), OptimizerSpec.sgd(SgdConfig.of(0.01)),
                    TrainingConfig.defaults().withFullBatch().withMaxEpochs(500).withL1(l1[i]));
            model.fit(Datasets.diabetes());
            for (float v : model.coefficients()) {
                zeros[i] += Math.abs(v) < 0.5 ? 1 : 0;
            }
        }
        assertTrue(zeros[1] > zeros[0], "near-zero coefficients without / with L1: " + zeros[0] + " / " + zeros[1]);
    }

    @Test
    void fitRefusesMismatchedDataBeforeChangingTheModel() {
        LinearRegression regression = new LinearRegression();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> regression.fit(Datasets.breastCancer()));
        assertTrue(e.getMessage().contains("regression"), e.getMessage());
        assertTrue(!regression.isFitted());
        LogisticRegression logistic = new LogisticRegression();
        e = assertThrows(IllegalArgumentException.class, () -> logistic.fit(Datasets.digits()));
        assertTrue(e.getMessage().contains("2 classes") && e.getMessage().contains("10"), e.getMessage());
        assertTrue(!logistic.isFitted());
        logistic.fit(Datasets.breastCancer());
        Matrix wrong = Matrix.zeros(3, 7);
        e = assertThrows(IllegalArgumentException.class, () -> logistic.predict(wrong));
        assertTrue(e.getMessage().contains("30") && e.getMessage().contains("7"), e.getMessage());
        IllegalStateException unfitted = assertThrows(IllegalStateException.class,
                () -> new SoftmaxRegression().predict(Matrix.zeros(1, 64)));
        assertTrue(unfitted.getMessage().contains("not fitted"), unfitted.getMessage());
        Dataset tiny = Dataset.regression(Matrix.zeros(2, 3), new float[2]);
        LinearRegression r2 = new LinearRegression();
        r2.fit(tiny);
        e = assertThrows(IllegalArgumentException.class, () -> r2.fit(tiny, Dataset.regression(Matrix.zeros(2, 4), new float[2])));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void hyperparametersThatMakeNoSenseAreRefusedAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.defaults().withL2(-1));
        assertTrue(e.getMessage().contains("l2") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withMaxEpochs(0));
        assertTrue(e.getMessage().contains("maxEpochs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withBatchSize(-2));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.sgd(SgdConfig.of(-0.1)));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }
}
