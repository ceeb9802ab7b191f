package dev.lanewise.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.model.data.CsvLoader;
import dev.lanewise.model.data.CsvOptions;
import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.io.ModelFiles;
import dev.lanewise.model.linear.SoftmaxRegression;
import dev.lanewise.model.optim.OptimizerSpec;
import dev.lanewise.model.train.TrainingConfig;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake a user can make on the command line ends with exactly one line on stderr that says what is
 * wrong, a non-zero exit code, no stack trace, and nothing at the output path (no temporary file either).
 * Each case runs the real command line in a forked JVM.
 */
class CliErrorTest {
    @TempDir
    static Path fixtures;
    /** A valid digits model (softmax regression, one epoch), fitted in this JVM. */
    static Path digitsModel;

    @TempDir
    Path dir;
    /** The output folder each case writes into, which must stay empty. */
    Path out;

    @BeforeAll
    static void fitDigitsModel() throws Exception {
        SoftmaxRegression model = new SoftmaxRegression(OptimizerSpec.adam(AdamConfig.adam().withLr(0.01)),
                TrainingConfig.defaults().withMaxEpochs(1));
        model.fit(CsvLoader.load(Cli.data("digits.csv"), CsvOptions.classification()));
        digitsModel = fixtures.resolve("digits.lwmodel");
        model.save(digitsModel);
    }

    @BeforeEach
    void outputFolder() throws Exception {
        out = Files.createDirectories(dir.resolve("out"));
    }

    // ---- train ----

    @Test
    void missingCsvFile() throws Exception {
        fails("CSV file not found: nosuch.csv", "train", "nosuch.csv", "--model", "linear", "-o", "out/m.lwmodel");
    }

    @Test
    void unknownTargetColumn() throws Exception {
        fails("no target column named 'nosuch'", "train", diabetes(), "--model", "linear", "--target", "nosuch", "-o", "out/m.lwmodel");
    }

    @Test
    void targetIndexBeyondTheColumns() throws Exception {
        fails("no target column at index 99", "train", diabetes(), "--model", "linear", "--target", "99", "-o", "out/m.lwmodel");
    }

    @Test
    void optionThatIsNotANumber() throws Exception {
        fails("--lr", "train", diabetes(), "--model", "linear", "--lr", "fast", "-o", "out/m.lwmodel");
    }

    @Test
    void csvCellThatIsNotANumber() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b,target\n1,2,3\n4,x,6\n");
        fails("not a number: \"x\"", "train", bad.toString(), "--model", "linear", "--validation-fraction", "0", "-o", "out/m.lwmodel");
    }

    @Test
    void unknownModel() throws Exception {
        fails("'forest' is not a model", "train", diabetes(), "--model", "forest", "-o", "out/m.lwmodel");
    }

    @Test
    void missingModelOption() throws Exception {
        fails("--model", "train", diabetes(), "-o", "out/m.lwmodel");
    }

    @Test
    void malformedSchedule() throws Exception {
        fails("STEP_SIZE must be an integer, was 'x'", "train", diabetes(), "--model", "linear", "--schedule", "step:x",
                "-o", "out/m.lwmodel");
    }

    @Test
    void optimizerOptionThatDoesNotApply() throws Exception {
        fails("--momentum does not apply to adagrad", "train", diabetes(), "--model", "linear", "--optimizer", "adagrad",
                "--momentum", "0.9", "-o", "out/m.lwmodel");
    }

    @Test
    void unknownOptimizer() throws Exception {
        fails("--optimizer must be one of sgd, adam", "train", diabetes(), "--model", "linear", "--optimizer", "adamm",
                "-o", "out/m.lwmodel");
    }

    @Test
    void optimizerValueItRefuses() throws Exception {
        fails("eps", "train", diabetes(), "--model", "linear", "--optimizer", "adam", "--eps", "-1", "-o", "out/m.lwmodel");
    }

    @Test
    void hiddenSizeBelowOne() throws Exception {
        fails("each size must be >= 1", "train", digits(), "--model", "mlp", "--hidden", "64,0", "-o", "out/m.lwmodel");
    }

    @Test
    void unknownActivation() throws Exception {
        fails("activation must be one of", "train", digits(), "--model", "mlp", "--activation", "swish", "-o", "out/m.lwmodel");
    }

    @Test
    void mlpOptionOnALinearModel() throws Exception {
        fails("--hidden applies to --model mlp only", "train", diabetes(), "--model", "linear", "--hidden", "8",
                "-o", "out/m.lwmodel");
    }

    @Test
    void earlyStoppingWithoutValidationRows() throws Exception {
        fails("--early-stopping needs validation rows", "train", diabetes(), "--model", "linear", "--early-stopping", "5",
                "--validation-fraction", "0", "-o", "out/m.lwmodel");
    }

    @Test
    void learningRateWithSearch() throws Exception {
        fails("--lr does not combine with --search", "train", diabetes(), "--model", "linear", "--search", "--lr", "0.1",
                "-o", "out/m.lwmodel");
    }

    @Test
    void logisticRegressionOnTenClasses() throws Exception {
        fails("logistic regression needs 2 classes", "train", digits(), "--model", "logistic", "-o", "out/m.lwmodel");
    }

    @Test
    void outputFolderThatDoesNotExist() throws Exception {
        fails("does not exist", "train", diabetes(), "--model", "linear", "-o", "out/nofolder/m.lwmodel");
    }

    @Test
    void divergingTrainingWritesNothing() throws Exception {
        fails("epoch", "train", diabetes(), "--model", "linear", "--optimizer", "sgd", "--lr", "1e6", "--epochs", "5",
                "-o", "out/m.lwmodel");
    }

    // ---- predict and evaluate ----

    @Test
    void missingModelFile() throws Exception {
        fails("model file not found: nosuch.lwmodel", "predict", "nosuch.lwmodel", digits(), "-o", "out/p.csv");
    }

    @Test
    void modelFileThatIsNotAModel() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.lwmodel"), "epoch,loss\n1,0.5\n".getBytes());
        fails("garbage.lwmodel", "predict", garbage.toString(), digits(), "-o", "out/p.csv");
    }

    @Test
    void truncatedModelFile() throws Exception {
        byte[] bytes = Files.readAllBytes(digitsModel);
        Path truncated = Files.write(dir.resolve("truncated.lwmodel"), Arrays.copyOf(bytes, bytes.length / 2));
        fails("truncated.lwmodel", "evaluate", truncated.toString(), digits());
    }

    @Test
    void corruptModelFile() throws Exception {
        byte[] bytes = Files.readAllBytes(digitsModel);
        bytes[bytes.length / 2] ^= 0x55; // a flipped weight: only the checksum sees it
        Path corrupt = Files.write(dir.resolve("corrupt.lwmodel"), bytes);
        fails("corrupt.lwmodel", "predict", corrupt.toString(), digits(), "-o", "out/p.csv");
    }

    @Test
    void modelFileFromAnotherVersion() throws Exception {
        byte[] bytes = Files.readAllBytes(digitsModel);
        ByteBuffer.wrap(bytes).putInt(16, 2); // the format version follows the 16-byte magic
        Path newer = Files.write(dir.resolve("newer.lwmodel"), bytes);
        fails("version", "predict", newer.toString(), digits(), "-o", "out/p.csv");
    }

    @Test
    void modelFileOfAKindThisCommandLineDoesNotRead() throws Exception {
        Path tree = dir.resolve("tree.lwmodel");
        ModelFiles.save(ModelArchive.builder("decision-tree").metadata("depth", "3").build(), tree);
        fails("'decision-tree'", "evaluate", tree.toString(), digits());
    }

    @Test
    void csvWhoseColumnsDoNotMatchTheModel() throws Exception {
        fails("does not match the model", "predict", digitsModel.toString(), diabetes(), "-o", "out/p.csv");
    }

    @Test
    void labelTheModelNeverSaw() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(digits()));
        String row = lines.get(1);
        Path csv = Files.write(dir.resolve("eleven.csv"), List.of(lines.get(0), row.substring(0, row.lastIndexOf(',')) + ",11"));
        fails("label '11' is not one the model was trained on", "evaluate", digitsModel.toString(), csv.toString());
    }

    @Test
    void predictionCsvCellThatIsNotANumber() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(digits()));
        Path csv = Files.write(dir.resolve("bad.csv"), List.of(lines.get(0), "oops" + lines.get(1).substring(1)));
        fails("'oops' is not a number", "predict", digitsModel.toString(), csv.toString(), "-o", "out/p.csv");
    }

    @Test
    void predictionCsvThatDoesNotExist() throws Exception {
        fails("CSV file not found", "predict", digitsModel.toString(), "nosuch.csv", "-o", "out/p.csv");
    }

    // ---- report ----

    @Test
    void reportWithAnUnknownPlan() throws Exception {
        fails("--plan must be quick, standard or full, was fast", "report", "--plan", "fast", "--out", "out");
    }

    @Test
    void reportWithNoColdForks() throws Exception {
        fails("--cold-forks must be >= 1", "report", "--cold-forks", "0", "--out", "out");
    }

    @Test
    void reportComparedWithAMissingReport() throws Exception {
        fails("no such report: nosuch.md", "report", "--compare-with", "nosuch.md", "--out", "out");
    }

    // ---- bench and the command line itself ----

    @Test
    void benchIncludePatternThatMatchesNothing() throws Exception {
        fails("--include 'NoSuchBenchmark' matches no benchmark", "bench", "--include", "NoSuchBenchmark", "--out", "out");
    }

    @Test
    void benchIncludePatternThatIsNoRegex() throws Exception {
        fails("is not a regular expression", "bench", "--include", "Blas(", "--out", "out");
    }

    @Test
    void unknownCommand() throws Exception {
        fails("fly", "fly");
    }

    @Test
    void unknownOption() throws Exception {
        fails("--frobnicate", "train", diabetes(), "--model", "linear", "--frobnicate", "-o", "out/m.lwmodel");
    }

    /**
     * Runs {@code lanewise args} and checks: a non-zero exit, one line on stderr naming the command and
     * containing {@code expected}, no stack trace, nothing on stdout that looks like one, an empty output folder.
     */
    private void fails(String expected, String... args) throws Exception {
        Cli.Run run = Cli.run(dir, args);
        assertNotEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.errorLines();
        assertEquals(1, lines.size(), "exactly one line on stderr\n" + run);
        String line = lines.get(0);
        assertTrue(line.startsWith("lanewise"), "the line names the command: " + line);
        assertTrue(line.contains(expected), "'" + expected + "' not in: " + line);
        for (String text : List.of(run.stdout(), run.stderr())) {
            assertFalse(text.contains("Exception"), "an exception's name was printed\n" + run);
            assertFalse(text.lines().anyMatch(l -> l.strip().startsWith("at ")), "a stack trace was printed\n" + run);
        }
        assertEquals(List.of(), Outputs.files(out), "files left in the output folder\n" + run);
    }

    private static String digits() {
        return Cli.data("digits.csv").toString();
    }

    private static String diabetes() {
        return Cli.data("diabetes.csv").toString();
    }
}
