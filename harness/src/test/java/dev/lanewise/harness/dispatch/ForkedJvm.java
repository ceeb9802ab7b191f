package dev.lanewise.harness.dispatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link DispatchProbe} in a fresh JVM: dispatch is decided once per JVM, so each setup needs its own. */
final class ForkedJvm {

    /** What the child printed (stdout and stderr together) and how it exited. */
    record Result(int exitCode, String output) {}

    private ForkedJvm() {}

    /** The probe with this JVM's class path and {@code jvmArgs}; fails unless it exits normally. */
    static String probe(String... jvmArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(jvmArgs));
        args.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return succeeded(run(args));
    }

    /** Fails with the child's output unless it exited with 0; returns the output. */
    static String succeeded(Result result) {
        assertTrue(result.exitCode() == 0, "probe failed (exit " + result.exitCode() + "):\n" + result.output());
        return result.output();
    }

    /** The probe with exactly {@code jvmArgs} (class or module path included), whatever its exit code. */
    static Result run(List<String> jvmArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add(DispatchProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        return new Result(process.exitValue(), output);
    }

    /** The jar or folder {@code type} was loaded from. */
    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
