package dev.lanewise.harness.cli;

import dev.lanewise.model.estimator.NetworkEstimator;
import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.io.ModelFiles;
import dev.lanewise.model.linear.LinearRegression;
import dev.lanewise.model.linear.LogisticRegression;
import dev.lanewise.model.linear.SoftmaxRegression;
import dev.lanewise.model.nn.MlpClassifier;
import dev.lanewise.model.nn.MlpRegressor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/** Loads any model file the {@code train} command writes, by the kind recorded in the file. */
public final class SavedModels {
    /** The kinds this command line reads. */
    static final List<String> KINDS = List.of("linear-regression", "logistic-regression", "softmax-regression",
            "mlp-classifier", "mlp-regressor");

    private SavedModels() {}

    /**
     * The model in {@code file}.
     *
     * @throws UserError if the file is missing, is not a model file of this lanewise version, is corrupt, holds
     *                   a kind this command line does not know, or its content does not make a model
     */
    public static NetworkEstimator load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("model file not found: " + file);
        }
        // ModelFiles checks magic, version and checksum, and names the file in its message.
        ModelArchive archive = ModelFiles.load(file);
        try {
            return switch (archive.kind()) {
                case "linear-regression" -> LinearRegression.load(file);
                case "logistic-regression" -> LogisticRegression.load(file);
                case "softmax-regression" -> SoftmaxRegression.load(file);
                case "mlp-classifier" -> MlpClassifier.load(file);
                case "mlp-regressor" -> MlpRegressor.load(file);
                default -> throw new UserError(file + " holds a '" + archive.kind() + "' model, which this command line "
                        + "does not read (it reads " + String.join(", ", KINDS) + ")");
            };
        } catch (IllegalArgumentException | NoSuchElementException e) {
            // A sound file whose content does not make the model: name the file, as ModelFiles does.
            throw new UserError(file + ": not a usable " + archive.kind() + " model: " + e.getMessage(), e);
        }
    }
}
