package dev.lanewise.harness.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line ({@code dev.lanewise.harness.Main}) in a forked JVM, as the launcher does, with
 * this test's class path, in a given working folder; stdout and stderr are kept apart. The child's stdout
 * is a pipe, so it is not a terminal: the training progress comes as plain lines.
 */
final class Cli {
    /** The line the JVM itself prints at every start with the incubator module; not the command's. */
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    /** What a run printed and how it exited. */
    record Run(int exitCode, String stdout, String stderr, List<String> args) {
        /** The stderr lines the command printed (the JVM's incubator warning left out). */
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.equals(INCUBATOR_WARNING) && !l.isBlank()).toList();
        }

        /** Fails with everything printed unless the command exited with 0. */
        Run succeeded() {
            assertTrue(exitCode == 0, "exit " + exitCode + " for " + args + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " for " + args + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private Cli() {}

    /** A file of the repository's bundled data, from the harness module's folder (where Surefire runs). */
    static Path data(String name) {
        return Path.of("..", "data", name).toAbsolutePath().normalize();
    }

    /** {@code lanewise ARGS} in {@code workDir}. */
    static Run run(Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.lanewise.harness.Main");
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("lanewise " + List.of(args) + " did not finish in 180 s");
            }
            return new Run(process.exitValue(), out.join(), err.join(), List.of(args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> Thread.ofPlatform().daemon().start(task)); // own threads: the common pool may have one
    }
}
