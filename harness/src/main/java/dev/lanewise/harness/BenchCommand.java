package dev.lanewise.harness;

import picocli.CommandLine.Command;

/** Placeholder for the full benchmark run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the JMH benchmarks and write a report.")
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
    }
}
