package dev.lanewise.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.SgdConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.LabelMapping;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.loss.BinaryCrossEntropyWithLogits;
import dev.lanewise.model.loss.Loss;
import dev.lanewise.model.loss.MeanSquaredError;
import dev.lanewise.model.loss.SoftmaxCrossEntropy;
import dev.lanewise.model.nn.Dense;
import dev.lanewise.model.nn.Parameter;
import dev.lanewise.model.nn.Sequential;
import dev.lanewise.model.nn.WeightInit;
import dev.lanewise.model.optim.Optimizer;
import dev.lanewise.model.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The trainer refuses data, losses, optimizers and configurations that do not fit its network, naming what and
 * the sizes, before any step: the parameters stay bitwise as they were, the optimizer takes no step and no
 * callback hears of the run.
 */
class TrainerBadInputTest {
    private static final OptimizerSpec SGD = OptimizerSpec.sgd(SgdConfig.of(0.1));

    /** A network, its optimizer, a copy of its parameters and a callback that records what it hears. */
    private static final class Setup {
        final Sequential network;
        final Optimizer optimizer;
        final List<float[]> before = new ArrayList<>();
        final List<String> heard = new ArrayList<>();
        final Callback recorder = new Callback() {
            @Override
            public void onTrainBegin(TrainingStart start) {
                heard.add("begin");
            }

            @Override
            public boolean onEpochEnd(EpochRecord record) {
                heard.add("epoch " + record.epoch());
                return true;
            }
        };

        Setup(int inputs, int outputs) {
            network = new Sequential(new Dense("d", inputs, outputs, WeightInit.XAVIER_UNIFORM, 9, false));
            float[][] values = network.parameters().stream().map(Parameter::value).toArray(float[][]::new);
            optimizer = SGD.create(values);
            for (float[] v : values) {
                before.add(v.clone());
            }
        }

        History fit(TrainingConfig config, Loss loss, Dataset train, Dataset validation) {
            return new Trainer(config).fit(network, loss, optimizer, train, validation, null, List.of(recorder));
        }

        void assertUnchanged() {
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), network.parameters().get(i).value(), network.parameters().get(i).name());
            }
            assertEquals(0, optimizer.stepCount());
            assertEquals(List.of(), heard);
        }
    }

    private static Matrix random(int rows, int cols) {
        SplittableRandom random = new SplittableRandom(rows * 31L + cols);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = (float) random.nextDouble(-1, 1);
        }
        return m;
    }

    private static Dataset regression(int rows, int cols) {
        return Dataset.regression(random(rows, cols), new float[rows]);
    }

    private static Dataset classes(int rows, int cols, int k) {
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % k;
        }
        return Dataset.classification(random(rows, cols), labels, LabelMapping.identity(k));
    }

    private static void assertRefused(Setup setup, String message, Executable fit) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fit);
        assertEquals(message, e.getMessage());
        setup.assertUnchanged();
    }

    @Test
    void earlyStoppingWithoutValidationDataIsRefused() {
        Setup s = new Setup(4, 1);
        assertRefused(s, "early stopping (patience 3) needs validation data",
                () -> s.fit(TrainingConfig.defaults().withEarlyStopping(3, 0, true), new MeanSquaredError(), regression(8, 4), null));
    }

    @Test
    void featureColumnsThatDoNotMatchTheNetworkAreRefusedNamingBothCounts() {
        Setup s = new Setup(4, 1);
        assertRefused(s, "train has 5 feature columns, the network takes 4",
                () -> s.fit(TrainingConfig.defaults(), new MeanSquaredError(), regression(8, 5), null));
        assertRefused(s, "validation has 3 feature columns, the network takes 4",
                () -> s.fit(TrainingConfig.defaults(), new MeanSquaredError(), regression(8, 4), regression(8, 3)));
    }

    @Test
    void labelsBeyondTheNetworksOutputsAreRefused() {
        Setup binary = new Setup(4, 1);
        assertRefused(binary, "train has 3 classes, the network outputs 1 columns",
                () -> binary.fit(TrainingConfig.defaults(), new BinaryCrossEntropyWithLogits(), classes(9, 4, 3), null));
        Setup two = new Setup(4, 2);
        assertRefused(two, "validation has 3 classes, the network outputs 2 columns",
                () -> two.fit(TrainingConfig.defaults(), new SoftmaxCrossEntropy(), classes(9, 4, 2), classes(9, 4, 3)));
    }

    @Test
    void aLossForTheOtherTaskIsRefused() {
        Setup s = new Setup(4, 1);
        assertRefused(s, "loss mse needs float targets, but train is a CLASSIFICATION dataset",
                () -> s.fit(TrainingConfig.defaults(), new MeanSquaredError(), classes(8, 4, 2), null));
        assertRefused(s, "loss bce-with-logits needs class labels, but validation is a REGRESSION dataset",
                () -> s.fit(TrainingConfig.defaults(), new BinaryCrossEntropyWithLogits(), classes(8, 4, 2), regression(8, 4)));
        Setup wide = new Setup(4, 2);
        assertRefused(wide, "regression targets are one column, the network outputs 2",
                () -> wide.fit(TrainingConfig.defaults(), new MeanSquaredError(), regression(8, 4), null));
    }

    @Test
    void noTrainingRowsAreRefused() {
        Setup s = new Setup(4, 1);
        assertRefused(s, "train has no rows", () -> s.fit(TrainingConfig.defaults(), new MeanSquaredError(), regression(0, 4), null));
    }

    @Test
    void anOptimizerOverOtherArraysIsRefused() {
        Setup s = new Setup(4, 1);
        // Same lengths, other arrays: it would step arrays the network never reads and train nothing.
        Optimizer stranger = SGD.create(new float[4], new float[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(TrainingConfig.defaults())
                .fit(s.network, new MeanSquaredError(), stranger, regression(8, 4), null, null, List.of(s.recorder)));
        assertTrue(e.getMessage().startsWith("optimizer must update the network's 2 parameter arrays"), e.getMessage());
        assertEquals(0, stranger.stepCount());
        s.assertUnchanged();
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingStep(s.network, new MeanSquaredError(), stranger, TrainingConfig.defaults()));
    }

    @Test
    void aCallbackRefusingTheRunStopsItBeforeTheFirstStep() {
        Setup s = new Setup(4, 1);
        Callback refusing = new Callback() {
            @Override
            public void onTrainBegin(TrainingStart start) {
                throw new IllegalStateException("not today");
            }

            @Override
            public boolean onEpochEnd(EpochRecord record) {
                return true;
            }
        };
        assertThrows(IllegalStateException.class, () -> new Trainer(TrainingConfig.defaults())
                .fit(s.network, new MeanSquaredError(), s.optimizer, regression(8, 4), null, null, List.of(refusing)));
        s.assertUnchanged();
        List<Callback> withNull = Arrays.asList(s.recorder, null);
        assertThrows(NullPointerException.class, () -> new Trainer(TrainingConfig.defaults())
                .fit(s.network, new MeanSquaredError(), s.optimizer, regression(8, 4), null, null, withNull));
        s.assertUnchanged();
    }

    @Test
    void aStepOnABatchOfTheWrongWidthChangesNothing() {
        Setup s = new Setup(4, 1);
        TrainingStep step = new TrainingStep(s.network, new MeanSquaredError(), s.optimizer, TrainingConfig.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> step.step(random(3, 5), new float[3], null, 0, null));
        assertEquals("d: input must have 4 columns, had 5", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> step.step(random(3, 4), new float[2], null, 0, null));
        s.assertUnchanged();
    }

    @Test
    void evaluatingTheLossOnDataThatDoesNotFitIsRefused() {
        Setup s = new Setup(4, 1);
        assertEquals("data has 5 feature columns, the network takes 4", assertThrows(IllegalArgumentException.class,
                () -> Trainer.evaluateLoss(s.network, new MeanSquaredError(), regression(3, 5), 16)).getMessage());
        assertEquals("loss mse needs float targets, but data is a CLASSIFICATION dataset", assertThrows(IllegalArgumentException.class,
                () -> Trainer.evaluateLoss(s.network, new MeanSquaredError(), classes(3, 4, 2), 16)).getMessage());
        assertEquals("chunk must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> Trainer.evaluateLoss(s.network, new MeanSquaredError(), regression(3, 4), 0)).getMessage());
        s.assertUnchanged();
    }

    @Test
    void trainingConfigRefusesNonsenseNamingTheFieldAndTheValue() {
        TrainingConfig d = TrainingConfig.defaults();
        List<Object[]> cases = List.<Object[]>of(
                new Object[] {"maxEpochs must be >= 1, was 0", (Function<TrainingConfig, TrainingConfig>) c -> c.withMaxEpochs(0)},
                new Object[] {"batchSize must be >= 0 (0 = full batch), was -1", (Function<TrainingConfig, TrainingConfig>) c -> c.withBatchSize(-1)},
                new Object[] {"l1 must be finite and >= 0, was -0.1", (Function<TrainingConfig, TrainingConfig>) c -> c.withL1(-0.1)},
                new Object[] {"l2 must be finite and >= 0, was NaN", (Function<TrainingConfig, TrainingConfig>) c -> c.withL2(Double.NaN)},
                new Object[] {"decoupledWeightDecay must be finite and >= 0, was Infinity",
                        (Function<TrainingConfig, TrainingConfig>) c -> c.withDecoupledWeightDecay(Double.POSITIVE_INFINITY)},
                new Object[] {"clipValue must be finite and >= 0, was -1.0", (Function<TrainingConfig, TrainingConfig>) c -> c.withClipValue(-1)},
                new Object[] {"clipNorm must be finite and >= 0, was NaN", (Function<TrainingConfig, TrainingConfig>) c -> c.withClipNorm(Double.NaN)},
                new Object[] {"maxNorm must be finite and >= 0, was -2.0", (Function<TrainingConfig, TrainingConfig>) c -> c.withMaxNorm(-2)},
                new Object[] {"weightClip must be finite and >= 0, was -0.5", (Function<TrainingConfig, TrainingConfig>) c -> c.withWeightClip(-0.5)},
                new Object[] {"tol must be finite and >= 0, was -1.0E-4", (Function<TrainingConfig, TrainingConfig>) c -> c.withTolerance(-1e-4, 5)},
                new Object[] {"nIterNoChange must be >= 1, was 0", (Function<TrainingConfig, TrainingConfig>) c -> c.withTolerance(1e-4, 0)},
                new Object[] {"patience must be >= 0 (0 = off), was -3", (Function<TrainingConfig, TrainingConfig>) c -> c.withEarlyStopping(-3, 0, true)},
                new Object[] {"minDelta must be finite and >= 0, was -0.01", (Function<TrainingConfig, TrainingConfig>) c -> c.withEarlyStopping(3, -0.01, true)});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Function<TrainingConfig, TrainingConfig> change = (Function<TrainingConfig, TrainingConfig>) c[1];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(d));
            assertEquals(c[0], e.getMessage());
        }
        assertEquals("schedule", assertThrows(NullPointerException.class, () -> d.withSchedule(null)).getMessage());
        assertEquals(TrainingConfig.defaults(), d, "the refused changes left the config as it was");
    }
}
