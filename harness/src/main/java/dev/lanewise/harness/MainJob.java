package dev.lanewise.harness;

import picocli.CommandLine.Command;

/** The README's main job: the dispatch report, then a short vector-vs-scalar comparison. */
@Command(name = "main", mixinStandardHelpOptions = true,
        description = "Print the kernel choice, then a short JMH comparison of vector and scalar kernels.")
public final class MainJob implements Runnable {
    @Override
    public void run() {
        new InfoCommand().run();
    }
}
