package dev.lanewise.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.TrainValidationTestSplit;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.optim.OptimizerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    private static LogisticRegression model(int maxEpochs) {
        return new LogisticRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)),
                TrainingConfig.defaults().withBatchSize(16).withMaxEpochs(maxEpochs).withSeed(3));
    }

    @Test
    void everyKEpochsWritesAFilePerEpochThatPredictsLikeTheModelTrainedThatLong() throws IOException {
        Dataset data = BreastCancer.all();
        LogisticRegression model = model(7);
        Checkpoint checkpoint = model.checkpointEvery(2, dir);
        model.fit(data);
        assertEquals(List.of(2, 4, 6), checkpoint.savedEpochs());
        assertEquals(List.of("logistic-regression-epoch-2.lwmodel", "logistic-regression-epoch-4.lwmodel",
                "logistic-regression-epoch-6.lwmodel"), fileNames());

        // The same seeds trained for exactly 4 epochs: the epoch-4 checkpoint must hold those very weights.
        LogisticRegression fourEpochs = model(4);
        fourEpochs.fit(data);
        LogisticRegression loaded = LogisticRegression.load(dir.resolve("logistic-regression-epoch-4.lwmodel"));
        assertArrayEquals(fourEpochs.predictProba(data.features()).data(), loaded.predictProba(data.features()).data());
        // ... and not those of the end of training.
        assertFalse(java.util.Arrays.equals(model.predictProba(data.features()).data(), loaded.predictProba(data.features()).data()));
    }

    @Test
    void theBestCheckpointFollowsEachNewMinimumOfTheValidationLossAndEndsWithTheRestoredWeights() throws IOException {
        TrainValidationTestSplit split = BreastCancer.split();
        LogisticRegression model = new LogisticRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.3)),
                TrainingConfig.defaults().withBatchSize(8).withMaxEpochs(300).withEarlyStopping(3, 0, true));
        Path best = dir.resolve("best.lwmodel");
        Checkpoint checkpoint = model.checkpointBest(best);
        History history = model.fit(split.train(), split.validation());

        List<Integer> newMinima = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (EpochRecord r : history.epochs()) {
            if (r.validationLoss() < lowest) {
                lowest = r.validationLoss();
                newMinima.add(r.epoch());
            }
        }
        assertEquals(newMinima, checkpoint.savedEpochs());
        assertEquals(history.bestEpoch(), newMinima.get(newMinima.size() - 1));
        LogisticRegression loaded = LogisticRegression.load(best);
        assertArrayEquals(model.predictProba(split.test().features()).data(), loaded.predictProba(split.test().features()).data());
        assertEquals(List.of("best.lwmodel"), fileNames());
    }

    @Test
    void aBestCheckpointWithoutValidationDataIsRefusedBeforeTraining() {
        LogisticRegression model = model(3);
        Path best = dir.resolve("best.lwmodel");
        model.checkpointBest(best);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(BreastCancer.all()));
        assertTrue(e.getMessage().contains("validation data") && e.getMessage().contains(best.toString()), e.getMessage());
        assertFalse(model.isFitted(), "a refused fit leaves the model unfitted");
        assertFalse(Files.exists(best));
    }

    @Test
    void aFailedSaveStopsTrainingNamingTheEpochAndThePath() {
        LogisticRegression model = model(5);
        Path missing = dir.resolve("no-such-dir");
        model.checkpointEvery(2, missing);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> model.fit(BreastCancer.all()));
        assertTrue(e.getMessage().contains("epoch 2") && e.getMessage().contains(missing.toString()), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void theSaverSeesThePathOfEachEpochAndErrorsKeepTheirCause() {
        List<Path> seen = new ArrayList<>();
        Checkpoint recording = Checkpoint.every(3, e -> dir.resolve("e" + e), seen::add);
        IOException boom = new IOException("disk full");
        Checkpoint failing = Checkpoint.every(1, e -> dir.resolve("f" + e), p -> {
            throw boom;
        });
        TrainingStart start = new TrainingStart(TrainingConfig.defaults(), 10, 0, "");
        recording.onTrainBegin(start);
        for (int epoch = 1; epoch <= 7; epoch++) {
            recording.onEpochEnd(record(epoch, Double.NaN));
        }
        assertEquals(List.of(dir.resolve("e3"), dir.resolve("e6")), seen);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> failing.onEpochEnd(record(1, Double.NaN)));
        assertEquals("checkpoint after epoch 1 could not be saved: " + dir.resolve("f1") + ": disk full", e.getMessage());
        assertEquals(boom, e.getCause());
    }

    @Test
    void nonsenseArgumentsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.every(0, x -> dir, p -> {}));
        assertEquals("epochs must be >= 1, was 0", e.getMessage());
        assertThrows(NullPointerException.class, () -> Checkpoint.every(1, null, p -> {}));
        assertThrows(NullPointerException.class, () -> Checkpoint.onBestValidationLoss(dir, null));
        assertThrows(NullPointerException.class, () -> Checkpoint.onBestValidationLoss(null, p -> {}));
    }

    static EpochRecord record(int epoch, double validationLoss) {
        return new EpochRecord(epoch, 0.5, validationLoss, "", Double.NaN, 0.01, 1, new double[0], new double[0], 0.1, 100);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
