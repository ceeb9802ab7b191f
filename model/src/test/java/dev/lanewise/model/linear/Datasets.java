package dev.lanewise.model.linear;

import dev.lanewise.model.data.CsvLoader;
import dev.lanewise.model.data.CsvOptions;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import dev.lanewise.model.data.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The bundled data sets (../data from the module folder, where Surefire runs). */
final class Datasets {
    private Datasets() {}

    static Path path(String file) {
        return Path.of("..", "data", file);
    }

    static Dataset load(String file, Task task) {
        try {
            return CsvLoader.load(path(file), task == Task.REGRESSION ? CsvOptions.regression() : CsvOptions.classification());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dataset diabetes() {
        return load("diabetes.csv", Task.REGRESSION);
    }

    static Dataset breastCancer() {
        return load("breast_cancer.csv", Task.CLASSIFICATION);
    }

    /** Digits with pixels scaled to [0, 1] (divided by 16), as the issue asks. */
    static Dataset digits() {
        Dataset raw = load("digits.csv", Task.CLASSIFICATION);
        Matrix x = raw.features().copy();
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] /= 16f;
        }
        return Dataset.classification(x, raw.labels(), raw.labelMapping(), raw.featureNames());
    }
}
