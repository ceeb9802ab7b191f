package dev.lanewise.harness.linear;

import dev.lanewise.model.data.CsvLoader;
import dev.lanewise.model.data.CsvOptions;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled data sets ({@code data/*.csv} at the repository root) for the linear-model benchmarks and
 * timings. The folder is {@code $LANEWISE_DATA} where set, else the first {@code data/} holding
 * {@code digits.csv} in the working directory or a folder above it: a JMH fork starts in the host's working
 * directory and inherits its environment, but not its system properties.
 */
public final class BundledData {
    /** Environment variable naming the data folder. */
    public static final String ENV = "LANEWISE_DATA";

    private BundledData() {}

    /** The data folder. */
    public static Path folder() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path folder = Path.of(env);
            if (!Files.isRegularFile(folder.resolve("digits.csv"))) {
                throw new IllegalStateException(ENV + " is " + env + ", which holds no digits.csv");
            }
            return folder;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data");
            if (Files.isRegularFile(candidate.resolve("digits.csv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no data/digits.csv in " + start + " or a folder above it; set " + ENV
                + " to the folder holding the bundled CSV files");
    }

    /** Digits, 1797 x 64, with the pixel counts 0..16 divided by 16 (into [0, 1]), 10 classes. */
    public static Dataset digits() throws IOException {
        Dataset raw = CsvLoader.load(folder().resolve("digits.csv"), CsvOptions.classification());
        Matrix x = raw.features().copy();
        float[] values = x.data();
        for (int i = 0; i < values.length; i++) {
            values[i] /= 16f;
        }
        return Dataset.classification(x, raw.labels(), raw.labelMapping(), raw.featureNames());
    }

    /** Breast cancer, 569 x 30, raw (standardize on the training rows), 2 classes. */
    public static Dataset breastCancer() throws IOException {
        return CsvLoader.load(folder().resolve("breast_cancer.csv"), CsvOptions.classification());
    }
}
