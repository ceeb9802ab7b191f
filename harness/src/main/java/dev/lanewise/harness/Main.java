package dev.lanewise.harness;

import dev.lanewise.harness.cli.ErrorReporting;
import dev.lanewise.harness.cli.EvaluateCommand;
import dev.lanewise.harness.cli.PredictCommand;
import dev.lanewise.harness.cli.TrainCommand;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lanewise command line. Every failure ends with one line on stderr and a non-zero exit code ({@link ErrorReporting}). */
@Command(name = "lanewise", mixinStandardHelpOptions = true, version = "lanewise 0.1.0",
        description = "SIMD gradient-descent kernels on the Java Vector API: dispatch report, comparisons, benchmarks, "
                + "and training, prediction and evaluation from CSV files.",
        subcommands = {MainJob.class, InfoCommand.class, BenchCommand.class, ReportCommand.class, CompareCommand.class, LinearFitTimingCommand.class, MlpFitTimingCommand.class,
                TrainCommand.class, PredictCommand.class, EvaluateCommand.class})
public final class Main implements Runnable {
    /**
     * Held so that its level stays set (java.util.logging keeps loggers weakly). The kernels log their choice
     * at INFO on first use; the commands print it where it matters, so stderr is kept for warnings and errors.
     */
    private static final Logger KERNEL_LOG = Logger.getLogger("dev.lanewise.kernels");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns its exit code. */
    public static int run(String... args) {
        // One line per log record (the JDK's default takes two), set before java.util.logging starts.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        KERNEL_LOG.setLevel(Level.WARNING);
        System.setProperty("java.awt.headless", "true"); // charts are drawn to SVG, never to a screen
        return ErrorReporting.install(new CommandLine(new Main())).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
