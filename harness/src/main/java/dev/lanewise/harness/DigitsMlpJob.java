package dev.lanewise.harness;

import dev.lanewise.harness.cli.StagedFiles;
import dev.lanewise.harness.cli.TrainingChart;
import dev.lanewise.harness.cli.TrainingProgress;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.CsvLoader;
import dev.lanewise.model.data.CsvOptions;
import dev.lanewise.model.data.Dataset;
import dev.lanewise.model.data.Splits;
import dev.lanewise.model.data.TrainValidationTestSplit;
import dev.lanewise.model.metrics.ClassificationMetrics;
import dev.lanewise.model.nn.MlpClassifier;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.EpochRecord;
import dev.lanewise.model.train.History;
import dev.lanewise.model.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The main job's training part: an MLP (one hidden layer of 64 ReLU units, Adam, batches of 32) on the bundled
 * digits, with early stopping on a validation split; prints the test accuracy, the fit time and samples/s, and
 * writes the curves as SVG (and the history as CSV). A few seconds on a 2-core machine, most of it JIT warmup.
 */
final class DigitsMlpJob {
    static final int HIDDEN = 64;
    static final int BATCH = 32;
    static final int MAX_EPOCHS = 200;
    static final int PATIENCE = 10;
    static final long SEED = 0;

    private DigitsMlpJob() {}

    /** What the job measured. */
    record Result(double testAccuracy, double seconds, double samplesPerSecond, int epochs, int bestEpoch) {}

    /**
     * Trains, prints, and writes {@code chart} and {@code chart.history.csv} (the folder is created).
     *
     * @param digits the digits CSV (features, then the class in the last column)
     */
    static Result run(Path digits, Path chart, PrintStream out) throws IOException {
        Dataset data = CsvLoader.load(digits, CsvOptions.classification());
        // 60% train, 20% validation (early stopping), 20% test, each with the classes' proportions.
        TrainValidationTestSplit split = Splits.trainValidationTest(data, 0.2, 0.2, SEED, true);
        MlpClassifier mlp = new MlpClassifier(OptimizerSpec.adam(AdamConfig.adam()),
                TrainingConfig.defaults().withMaxEpochs(MAX_EPOCHS).withBatchSize(BATCH).withSeed(SEED)
                        .withEarlyStopping(PATIENCE, 0, true),
                HIDDEN);
        mlp.setSeed(SEED);
        out.printf(Locale.ROOT, "MLP on %s: %d-%d-%d (ReLU), Adam lr 1e-3, batch %d, early stopping (patience %d) on "
                        + "%d validation rows; %d training rows, %d test rows%n", digits, data.cols(), HIDDEN,
                data.numClasses(), BATCH, PATIENCE, split.validation().rows(), split.train().rows(), split.test().rows());
        out.flush();
        History history;
        long start = System.nanoTime();
        try (TrainingProgress progress = new TrainingProgress(TrainingProgress.Style.AUTO, out)) {
            mlp.addCallback(progress);
            history = mlp.fit(split.train(), split.validation());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long samples = history.epochs().stream().mapToLong(EpochRecord::samples).sum();
        double accuracy = ClassificationMetrics.accuracy(split.test().labels(), mlp.predict(split.test().features()));
        Result result = new Result(accuracy, seconds, samples / seconds, history.epochs().size(), history.bestEpoch());
        out.printf(Locale.ROOT, "test accuracy %.4f; fit %.2f s for %d epochs (kept epoch %d), %.0f samples/s "
                + "(JIT warmup included)%n", accuracy, seconds, result.epochs(), result.bestEpoch(), result.samplesPerSecond());

        Path folder = chart.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path historyFile = Path.of(chart + ".history.csv");
        try (StagedFiles files = new StagedFiles()) {
            files.write(chart, TrainingChart.svg(history, "lanewise: MLP on digits (" + HIDDEN + " hidden, Adam, batch " + BATCH + ")"));
            files.write(historyFile, history.toCsv());
            files.commit();
        }
        out.println("loss curves: " + chart + " (history: " + historyFile + ")");
        return result;
    }
}
