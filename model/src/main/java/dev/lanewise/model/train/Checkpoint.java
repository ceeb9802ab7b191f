package dev.lanewise.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A {@link Callback} that saves the model during training, through a {@link ModelSaver}: every {@code k}
 * epochs to a file per epoch ({@link #every}), or to one file each time the validation loss reaches a new
 * minimum ({@link #onBestValidationLoss}, Keras's {@code ModelCheckpoint(save_best_only=True)}). Add both
 * for both. An estimator has shortcuts that pass its own {@code save}
 * ({@code NetworkEstimator.checkpointEvery}, {@code checkpointBest}).
 *
 * <p>A failed save stops training with an {@link UncheckedIOException} that names the epoch and the path;
 * the file there, if any, is the previous checkpoint (the saver writes atomically).
 */
public final class Checkpoint implements Callback {
    private final int every;
    private final IntFunction<Path> pathOfEpoch;
    private final Path bestPath;
    private final ModelSaver saver;
    private final List<Integer> savedEpochs = new ArrayList<>();
    private double bestValidationLoss = Double.POSITIVE_INFINITY;

    private Checkpoint(int every, IntFunction<Path> pathOfEpoch, Path bestPath, ModelSaver saver) {
        this.every = every;
        this.pathOfEpoch = pathOfEpoch;
        this.bestPath = bestPath;
        this.saver = Objects.requireNonNull(saver, "saver");
    }

    /**
     * Saves after epochs {@code epochs}, {@code 2 * epochs}, ... to {@code pathOfEpoch.apply(epoch)}.
     *
     * @param epochs      &gt;= 1
     * @param pathOfEpoch the file for an epoch, e.g. {@code e -> dir.resolve("model-" + e + ".lwmodel")}; its
     *                    directory must exist
     */
    public static Checkpoint every(int epochs, IntFunction<Path> pathOfEpoch, ModelSaver saver) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
        }
        return new Checkpoint(epochs, Objects.requireNonNull(pathOfEpoch, "pathOfEpoch"), null, saver);
    }

    /**
     * Saves to {@code path}, replacing the file, after each epoch whose validation loss is lower than every
     * earlier one; the file then holds the weights of the best epoch so far. Training must have validation data.
     */
    public static Checkpoint onBestValidationLoss(Path path, ModelSaver saver) {
        return new Checkpoint(0, null, Objects.requireNonNull(path, "path"), saver);
    }

    @Override
    public void onTrainBegin(TrainingStart start) {
        if (bestPath != null && !start.hasValidation()) {
            throw new IllegalArgumentException("a checkpoint on the best validation loss (" + bestPath
                    + ") needs validation data");
        }
        savedEpochs.clear();
        bestValidationLoss = Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean onEpochEnd(EpochRecord record) {
        int epoch = record.epoch();
        if (every > 0 && epoch % every == 0) {
            Path path = pathOfEpoch.apply(epoch);
            if (path == null) {
                throw new NullPointerException("pathOfEpoch gave null for epoch " + epoch);
            }
            save(epoch, path);
        }
        if (bestPath != null && record.validationLoss() < bestValidationLoss) {
            bestValidationLoss = record.validationLoss();
            save(epoch, bestPath);
        }
        return true;
    }

    /** The epochs saved in the last run, in order. */
    public List<Integer> savedEpochs() {
        return List.copyOf(savedEpochs);
    }

    private void save(int epoch, Path path) {
        try {
            saver.save(path);
        } catch (IOException e) {
            String why = String.valueOf(e.getMessage());
            // A ModelFileException's message already starts with the path.
            throw new UncheckedIOException("checkpoint after epoch " + epoch + " could not be saved: "
                    + (why.contains(path.toString()) ? why : path + ": " + why), e);
        }
        if (savedEpochs.isEmpty() || savedEpochs.get(savedEpochs.size() - 1) != epoch) {
            savedEpochs.add(epoch);
        }
    }
}
