package dev.lanewise.harness.steady;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel gives the same bits before and after C2 compiles it. Two causes failed this: {@code reduceLanes(ADD)},
 * whose lane order the API leaves open (the interpreter sums lanes in order and C2 as a tree, so a dot product
 * changed in its last bit once compiled), and {@code lanewise(EXP)} / {@code LOG1P}, which run {@link Math#exp}
 * per lane while interpreted and the JDK's SVML stubs once compiled (softmax cross-entropy and binary
 * cross-entropy changed). Either way seeded training runs differed within one JVM.
 */
class CompilationIndependentBitsTest {

    @Test
    void everyReductionAndTranscendentalGivesTheSameBitsInterpretedAndCompiled(@TempDir Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector"));
        // The test JVM's -XX flags and lanewise properties go along (-Dtest.jvm.flags=-Dlanewise.fma=false, say).
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:") || arg.startsWith("-Dlanewise.")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CompilationIndependenceProbe.class.getName()));
        // Output to a file, so that the wait below is a real limit (reading a pipe would block until exit).
        Path log = dir.resolve("probe.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "the probe did not finish in 300 s: " + output);
        assertTrue(process.exitValue() == 0 && output.contains("checked "), output);
        assertTrue(!output.contains("MISMATCH"), output);
    }
}
