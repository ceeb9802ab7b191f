package dev.lanewise.harness.cli;

import static dev.lanewise.harness.cli.Outputs.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.io.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train}, then {@code evaluate}, then {@code predict}, through the real command line in a forked JVM, on
 * digits (softmax regression) and diabetes (linear regression), and {@code train --search}. Few epochs: these
 * check the wiring and the files, not the fit.
 */
class LinearModelsCliTest {
    private static final Pattern EPOCH_LINE = Pattern.compile("^epoch (\\d+)/(\\d+) ", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void softmaxOnDigitsTrainsEvaluatesAndPredicts() throws Exception {
        Path digits = Cli.data("digits.csv");
        Files.createDirectories(dir.resolve("out"));
        Cli.Run train = Cli.run(dir, "train", digits.toString(), "--model", "softmax", "--epochs", "4", "--seed", "1",
                "-o", "out/softmax.lwmodel").succeeded();

        // Not a terminal: a plain line per epoch (4 epochs: every one), no progress bar redrawn with \r.
        assertEquals(List.of(1, 2, 3, 4), epochLines(train.stdout()), train.toString());
        assertFalse(train.stdout().contains("\r"), "a progress bar was drawn on a pipe");
        assertEquals(List.of(), train.errorLines(), "stderr of a good run");
        assertEquals(List.of("softmax.lwmodel", "softmax.lwmodel.history.csv", "softmax.lwmodel.svg"),
                Outputs.files(dir.resolve("out")), "the outputs and no temporary files");
        assertEquals("softmax-regression", ModelFiles.load(dir.resolve("out/softmax.lwmodel")).kind());

        List<String[]> history = Outputs.csv(dir.resolve("out/softmax.lwmodel.history.csv"));
        assertEquals(List.of("epoch", "train_loss", "validation_loss", "metric_name", "metric", "lr"),
                List.of(history.get(0)).subList(0, 6));
        assertEquals(5, history.size(), "header and 4 epochs");
        for (int e = 1; e <= 4; e++) {
            String[] row = history.get(e);
            assertEquals(Integer.toString(e), row[0]);
            assertFalse(row[2].isEmpty(), "validation loss of epoch " + e);
            assertEquals("accuracy", row[3]);
        }
        assertContainsAll(Outputs.svgTexts(dir.resolve("out/softmax.lwmodel.svg")), "training loss", "validation loss",
                "validation accuracy", "learning rate", "linear gradient norm");

        Cli.Run evaluate = Cli.run(dir, "evaluate", "out/softmax.lwmodel", digits.toString()).succeeded();
        double accuracy = Outputs.number(evaluate.stdout(), "accuracy");
        double logLoss = Outputs.number(evaluate.stdout(), "log-loss");
        assertTrue(logLoss > 0 && logLoss < 1, evaluate.toString());
        assertTrue(evaluate.stdout().contains("confusion matrix: 1797 samples, 10 classes"), evaluate.toString());
        assertTrue(evaluate.stdout().contains("precision") && evaluate.stdout().contains("recall"), evaluate.toString());

        Cli.Run predict = Cli.run(dir, "predict", "out/softmax.lwmodel", digits.toString(), "-o", "out/predictions.csv").succeeded();
        assertTrue(predict.stdout().contains("wrote 1797 predictions"), predict.toString());
        List<String[]> rows = Outputs.csv(dir.resolve("out/predictions.csv"));
        assertEquals(List.of("prediction", "proba_0", "proba_1", "proba_2", "proba_3", "proba_4", "proba_5", "proba_6",
                "proba_7", "proba_8", "proba_9"), List.of(rows.get(0)));
        String[] truth = targets(digits);
        int right = 0;
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            double sum = 0;
            int argmax = 0;
            for (int k = 0; k < 10; k++) {
                double p = Double.parseDouble(row[1 + k]);
                assertTrue(p >= 0 && p <= 1, "probability " + p);
                sum += p;
                if (p > Double.parseDouble(row[1 + argmax])) {
                    argmax = k;
                }
            }
            assertEquals(1, sum, 1e-5, "probabilities of row " + r);
            assertEquals(Integer.toString(argmax), row[0], "the prediction is the most probable class, row " + r);
            right += row[0].equals(truth[r - 1]) ? 1 : 0;
        }
        assertEquals(1797, rows.size() - 1);
        // evaluate's accuracy is the share of predict's labels that match the file's (6 decimals printed).
        assertEquals(right / 1797.0, accuracy, 1e-6);
        assertTrue(accuracy > 0.9, "4 epochs of softmax regression on digits: " + accuracy);
    }

    @Test
    void linearOnDiabetesTrainsEvaluatesAndPredicts() throws Exception {
        Path diabetes = Cli.data("diabetes.csv");
        Cli.Run train = Cli.run(dir, "train", diabetes.toString(), "--model", "linear", "--optimizer", "sgd",
                "--lr", "0.05", "--momentum", "0.9", "--schedule", "step:10:0.5", "--epochs", "30", "-o", "lin.lwmodel").succeeded();
        // 30 epochs: a line every 3rd.
        assertEquals(List.of(3, 6, 9, 12, 15, 18, 21, 24, 27, 30), epochLines(train.stdout()), train.toString());

        ModelArchive archive = ModelFiles.load(dir.resolve("lin.lwmodel"));
        assertEquals("linear-regression", archive.kind());
        assertTrue(archive.metadata("optimizer").contains("momentum=0.9"), archive.metadata("optimizer"));

        // StepLR(step_size=10, gamma=0.5), stepped after each epoch: epochs 1-10 at 0.05, 11-20 at 0.025, 21-30 at 0.0125.
        List<String[]> history = Outputs.csv(dir.resolve("lin.lwmodel.history.csv"));
        assertEquals(31, history.size());
        for (int e = 1; e <= 30; e++) {
            double expected = 0.05 * Math.pow(0.5, (e - 1) / 10);
            assertEquals(expected, Double.parseDouble(history.get(e)[5]), expected * 1e-6, "lr of epoch " + e);
        }
        assertContainsAll(Outputs.svgTexts(dir.resolve("lin.lwmodel.svg")), "training loss", "validation loss",
                "validation r2", "learning rate", "linear gradient norm");

        Cli.Run evaluate = Cli.run(dir, "evaluate", "lin.lwmodel", diabetes.toString()).succeeded();
        double mse = Outputs.number(evaluate.stdout(), "MSE");
        double rmse = Outputs.number(evaluate.stdout(), "RMSE");
        double mae = Outputs.number(evaluate.stdout(), "MAE");
        double r2 = Outputs.number(evaluate.stdout(), "R2");

        // Without --output the predictions go to stdout, and nothing else does.
        Cli.Run predict = Cli.run(dir, "predict", "lin.lwmodel", diabetes.toString()).succeeded();
        List<String[]> rows = Outputs.csv(predict.stdout());
        assertEquals("prediction", rows.get(0)[0]);
        assertEquals(443, rows.size());
        String[] truth = targets(diabetes);
        double squares = 0;
        double absolute = 0;
        double mean = 0;
        for (String t : truth) {
            mean += Double.parseDouble(t) / truth.length;
        }
        double total = 0;
        for (int r = 0; r < truth.length; r++) {
            double y = Double.parseDouble(truth[r]);
            double d = Double.parseDouble(rows.get(r + 1)[0]) - y;
            squares += d * d;
            absolute += Math.abs(d);
            total += (y - mean) * (y - mean);
        }
        // evaluate's metrics from predict's numbers and the file's targets (printed to 6 significant digits).
        assertEquals(squares / truth.length, mse, mse * 1e-5);
        assertEquals(Math.sqrt(squares / truth.length), rmse, rmse * 1e-5);
        assertEquals(absolute / truth.length, mae, mae * 1e-5);
        assertEquals(1 - squares / total, r2, 1e-5);
        assertTrue(r2 > 0.3, "30 epochs of linear regression on diabetes: R2 " + r2);
    }

    @Test
    void searchChoosesTheRateByCrossValidationAndSavesTheRefit() throws Exception {
        Path diabetes = Cli.data("diabetes.csv");
        Cli.Run random = Cli.run(dir, "train", diabetes.toString(), "--model", "linear", "--search", "--search-iter", "3",
                "--folds", "3", "--search-lr", "1e-3:0.1", "--epochs", "5", "--batch-size", "0", "--threads", "1",
                "-o", "random.lwmodel").succeeded();
        assertTrue(random.stdout().contains("random search, 3 candidates, 3-fold cross-validation, scoring neg_mean_squared_error"),
                random.toString());
        assertTrue(random.stdout().contains("best: {lr="), random.toString());
        assertTrue(random.stdout().contains("the refitted best on the 89 validation rows"), random.toString());
        // The refit runs on every training row, without validation rows, for the epochs asked.
        List<String[]> history = Outputs.csv(dir.resolve("random.lwmodel.history.csv"));
        assertEquals(6, history.size());
        assertTrue(history.get(5)[2].isEmpty(), "no validation loss in the refit");
        assertTrue(Files.isRegularFile(dir.resolve("random.lwmodel.svg")));

        Cli.Run grid = Cli.run(dir, "train", diabetes.toString(), "--model", "linear", "--search", "grid", "--grid-points", "2",
                "--folds", "2", "--epochs", "3", "--threads", "1", "-o", "grid.lwmodel").succeeded();
        assertTrue(grid.stdout().contains("grid search, 4 candidates"), grid.toString());
        assertEquals("linear-regression", ModelFiles.load(dir.resolve("grid.lwmodel")).kind());
    }

    @Test
    void progressNoneprintsNoEpochLines() throws Exception {
        Cli.Run train = Cli.run(dir, "train", Cli.data("diabetes.csv").toString(), "--model", "linear", "--epochs", "3",
                "--progress", "none", "-o", "quiet.lwmodel").succeeded();
        assertEquals(List.of(), epochLines(train.stdout()), train.toString());
        assertTrue(train.stdout().contains("wrote quiet.lwmodel"), train.toString());
    }

    /** The epoch numbers of the progress lines. */
    static List<Integer> epochLines(String stdout) {
        Matcher m = EPOCH_LINE.matcher(stdout);
        java.util.ArrayList<Integer> epochs = new java.util.ArrayList<>();
        while (m.find()) {
            epochs.add(Integer.parseInt(m.group(1)));
        }
        return epochs;
    }

    /** The last column of a bundled CSV, as text, without the header. */
    static String[] targets(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.substring(l.lastIndexOf(',') + 1).strip()).toArray(String[]::new);
    }
}
