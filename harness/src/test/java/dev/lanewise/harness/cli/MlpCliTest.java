package dev.lanewise.harness.cli;

import static dev.lanewise.harness.cli.Outputs.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.model.io.ModelArchive;
import dev.lanewise.model.io.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLP through the command line in a forked JVM: {@code train --model mlp} then {@code evaluate} and
 * {@code predict} on digits, an MLP regressor on diabetes, and the README's main job without its JMH part.
 */
class MlpCliTest {
    @TempDir
    Path dir;

    @Test
    void mlpClassifierOnDigitsTrainsEvaluatesAndPredicts() throws Exception {
        Path digits = Cli.data("digits.csv");
        Cli.Run train = Cli.run(dir, "train", digits.toString(), "--model", "mlp", "--hidden", "16,8", "--activation", "tanh",
                "--optimizer", "adam", "--lr", "0.01", "--betas", "0.8,0.99", "--batch-size", "64", "--epochs", "8",
                "--early-stopping", "3", "--schedule", "warmup:2:cosine:6", "-o", "mlp.lwmodel").succeeded();
        ModelArchive archive = ModelFiles.load(dir.resolve("mlp.lwmodel"));
        assertEquals("mlp-classifier", archive.kind());
        assertEquals("16,8", archive.metadata("mlp.hidden_sizes"));
        assertEquals("tanh", archive.metadata("mlp.activation"));
        assertTrue(archive.metadata("optimizer").contains("beta1=0.8"), archive.metadata("optimizer"));

        // Every parameterized layer's gradient norm is a series of its own (log panel).
        assertContainsAll(Outputs.svgTexts(dir.resolve("mlp.lwmodel.svg")), "training loss", "validation loss",
                "validation accuracy", "learning rate", "dense0 gradient norm", "dense1 gradient norm", "output gradient norm");
        List<String[]> history = Outputs.csv(dir.resolve("mlp.lwmodel.history.csv"));
        List<String> header = List.of(history.get(0));
        assertTrue(header.containsAll(List.of("dense0_grad_norm", "dense1_grad_norm", "output_grad_norm")), header.toString());
        // warmup:2 from 0.1 x lr: epoch 1 at 0.001, epoch 2 at 0.0055 (LinearLR's ramp), then cosine from 0.01.
        assertEquals(0.001, Double.parseDouble(history.get(1)[5]), 1e-9);
        assertEquals(0.0055, Double.parseDouble(history.get(2)[5]), 1e-9);
        assertEquals(0.01, Double.parseDouble(history.get(3)[5]), 1e-9);

        Cli.Run evaluate = Cli.run(dir, "evaluate", "mlp.lwmodel", digits.toString()).succeeded();
        assertTrue(Outputs.number(evaluate.stdout(), "accuracy") > 0.8, evaluate.toString());
        Cli.Run predict = Cli.run(dir, "predict", "mlp.lwmodel", digits.toString(), "-o", "p.csv").succeeded();
        assertEquals(1798, Outputs.csv(dir.resolve("p.csv")).size(), predict.toString());
    }

    @Test
    void mlpRegressorOnDiabetes() throws Exception {
        Path diabetes = Cli.data("diabetes.csv");
        Cli.run(dir, "train", diabetes.toString(), "--model", "mlp", "--task", "regression", "--hidden", "8",
                "--lr", "0.05", "--epochs", "5", "-o", "reg.lwmodel").succeeded();
        assertEquals("mlp-regressor", ModelFiles.load(dir.resolve("reg.lwmodel")).kind());
        Cli.Run evaluate = Cli.run(dir, "evaluate", "reg.lwmodel", diabetes.toString()).succeeded();
        assertTrue(Outputs.number(evaluate.stdout(), "RMSE") > 0, evaluate.toString());
        Cli.Run predict = Cli.run(dir, "predict", "reg.lwmodel", diabetes.toString()).succeeded();
        assertEquals(443, Outputs.csv(predict.stdout()).size());
    }

    @Test
    void mainJobTrainsTheDigitsMlpAndWritesItsChart() throws Exception {
        Path chart = dir.resolve("charts/digits-mlp.svg");
        Cli.Run main = Cli.run(dir, "main", "--skip-comparison", "--digits", Cli.data("digits.csv").toString(),
                "--chart", chart.toString()).succeeded();
        assertTrue(main.stdout().contains("lanewise kernels:"), "the dispatch report\n" + main);
        double accuracy = Outputs.number(main.stdout(), "test accuracy");
        assertTrue(accuracy > 0.9, "a 64-unit MLP on digits: " + accuracy);
        assertTrue(main.stdout().contains("samples/s"), main.toString());
        assertTrue(main.stdout().contains("loss curves: " + chart), main.toString());
        assertContainsAll(Outputs.svgTexts(chart), "training loss", "validation loss", "dense0 gradient norm");
        assertTrue(Files.isRegularFile(Path.of(chart + ".history.csv")));
    }
}
