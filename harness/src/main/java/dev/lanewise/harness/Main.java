package dev.lanewise.harness;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lanewise command line. */
@Command(name = "lanewise", mixinStandardHelpOptions = true, version = "lanewise 0.1.0",
        description = "SIMD gradient-descent kernels on the Java Vector API: dispatch report, comparisons, benchmarks.",
        subcommands = {MainJob.class, InfoCommand.class, BenchCommand.class, LinearFitTimingCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
