package dev.lanewise.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanewise.kernels.optim.AdagradConfig;
import dev.lanewise.kernels.optim.AdamConfig;
import dev.lanewise.kernels.optim.LionConfig;
import dev.lanewise.kernels.optim.RmspropConfig;
import dev.lanewise.kernels.optim.SgdConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The optimizer options as {@code train} parses them: PyTorch's defaults, the values given, and refusals. */
class OptimizerOptionsTest {

    private static OptimizerOptions parse(String... args) {
        OptimizerOptions options = new OptimizerOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void unsetValuesKeepPyTorchDefaults() {
        assertEquals(AdamConfig.adam(), parse("--optimizer", "adam").spec("sgd", Double.NaN).config());
        assertEquals(AdamConfig.adamW(), parse("--optimizer", "adamw").spec("sgd", Double.NaN).config());
        assertEquals(AdagradConfig.defaults(), parse("--optimizer", "adagrad").spec("sgd", Double.NaN).config());
        assertEquals(LionConfig.defaults(), parse("--optimizer", "lion").spec("sgd", Double.NaN).config());
        // The model's default rate replaces the optimizer's when --lr is not given.
        assertEquals(AdamConfig.adam().withLr(0.01), parse().spec("adam", 0.01).config());
    }

    @Test
    void givenValuesReachTheConfig() {
        assertEquals(new SgdConfig(0.05, 0.9, 0, 1e-4, true, false),
                parse("--optimizer", "sgd", "--lr", "0.05", "--momentum", "0.9", "--weight-decay", "1e-4", "--nesterov")
                        .spec("adam", 0.01).config());
        assertEquals(new AdamConfig(0.002, 0.8, 0.99, 1e-6, 0.05, true, false, true),
                parse("--optimizer", "AdamW", "--lr", "0.002", "--betas", "0.8,0.99", "--eps", "1e-6", "--weight-decay", "0.05",
                        "--amsgrad").spec("sgd", 0.01).config());
        RmspropConfig d = RmspropConfig.defaults();
        assertEquals(new RmspropConfig(0.01, d.alpha(), 1e-7, 0, 0.5, false, false),
                parse("--optimizer", "rmsprop", "--momentum", "0.5", "--eps", "1e-7").spec("sgd", 0.01).config());
    }

    @Test
    void refusesOptionsTheOptimizerDoesNotHave() {
        UserError e = assertThrows(UserError.class,
                () -> parse("--optimizer", "adam", "--momentum", "0.9", "--nesterov").spec("sgd", 0.01));
        assertEquals("--momentum, --nesterov do not apply to adam, which takes --lr, --amsgrad, --betas, --eps, --weight-decay",
                e.getMessage());
        e = assertThrows(UserError.class, () -> parse("--optimizer", "sgd", "--betas", "0.9,0.99").spec("adam", 0.01));
        assertEquals("--betas does not apply to sgd, which takes --lr, --momentum, --nesterov, --weight-decay", e.getMessage());
    }

    @Test
    void refusesValuesTheOptimizerRefuses() {
        for (List<String> args : List.of(List.of("--optimizer", "rmsprop2"), List.of("--lr", "-1"), List.of("--lr", "NaN"),
                List.of("--betas", "0.9"), List.of("--betas", "0.9,1.0"), List.of("--optimizer", "adam", "--eps", "0"),
                List.of("--optimizer", "sgd", "--nesterov"))) {
            assertThrows(UserError.class, () -> parse(args.toArray(String[]::new)).spec("adam", 0.01), args.toString());
        }
    }
}
