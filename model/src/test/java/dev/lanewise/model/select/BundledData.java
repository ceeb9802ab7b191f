package dev.lanewise.model.select;

import dev.lanewise.model.data.CsvLoader;
import dev.lanewise.model.data.CsvOptions;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The bundled data sets (../data from the module folder, where Surefire runs). */
final class BundledData {
    private BundledData() {}

    private static Dataset load(String file, CsvOptions options) {
        try {
            return CsvLoader.load(Path.of("..", "data", file), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dataset diabetes() {
        return load("diabetes.csv", CsvOptions.regression());
    }

    static Dataset breastCancer() {
        return load("breast_cancer.csv", CsvOptions.classification());
    }

    /** Digits with pixels scaled to [0, 1] (divided by 16). */
    static Dataset digits() {
        Dataset raw = load("digits.csv", CsvOptions.classification());
        Matrix x = raw.features().copy();
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] /= 16f;
        }
        return Dataset.classification(x, raw.labels(), raw.labelMapping(), raw.featureNames());
    }
}
