package dev.lanewise.model.train;

import dev.lanewise.model.data.CsvLoader;
import dev.lanewise.model.data.CsvOptions;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.TrainValidationTestSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The bundled breast cancer data (../data from the module folder, where Surefire runs). */
final class BreastCancer {
    private BreastCancer() {}

    static Dataset all() {
        try {
            return CsvLoader.load(Path.of("..", "data", "breast_cancer.csv"), CsvOptions.classification());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrainValidationTestSplit split() {
        return Splits.trainValidationTest(all(), 0.2, 0.2, 5, true);
    }
}
