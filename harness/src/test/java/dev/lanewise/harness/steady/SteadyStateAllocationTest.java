package dev.lanewise.harness.steady;

import dev.lanewise.harness.bench.MlpTrainingStep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Steady state allocates nothing, whatever C2 compiled first: a training-like loop over every kernel family
 * ({@link MlpTrainingStep}) runs for tens of thousands of steps in a fresh JVM, then the bytes its thread
 * allocates over a few thousand more steps must average under {@link #MAX_BYTES_PER_STEP} per step: less than
 * one object per step (about half a byte per kernel call), while a one-off allocation of a few kilobytes
 * during the measurement still passes.
 *
 * <p>Why so long a run: in issue 8, {@code reluBackward} allocated nothing for the first 5,000 steps, then C2
 * recompiled it without inlining a helper that took vectors, and from then on every call boxed its vectors
 * (1.4 MB a step, half speed). A short test, or one in a JVM that other tests had already warmed in another
 * order, cannot see that. Sizes are odd (batch 63, hidden 65) so that every elementwise kernel also runs its
 * tail at every vector width.
 */
class SteadyStateAllocationTest {
    static final int WARMUP_STEPS = 30_000;
    static final int MEASURED_STEPS = 3_000;
    /**
     * The smallest object is 16 bytes; a boxed vector is a 16-byte object plus its payload array (48 to 80
     * bytes). So any allocation made on every step, even one String, fails.
     */
    static final double MAX_BYTES_PER_STEP = 16;

    private static final Pattern ALLOCATED = Pattern.compile("allocated: (\\d+) bytes");

    /** Runs the probe in a fresh JVM with the Vector API module; returns its output. */
    static String runProbe() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        // As the launcher runs: with native access the kernels probe addresses to align their loops, and that
        // probe must not allocate either.
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx512m");
        // The test JVM's -XX flags and lanewise properties go along, so that -Dtest.jvm.flags reaches the fork:
        // for example -XX:UseAVX=2, -Dlanewise.fma=false, or a CompileCommand that stops C2 inlining a method.
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:") || arg.startsWith("-Dlanewise.")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SteadyStateProbe.class.getName(),
                Integer.toString(WARMUP_STEPS), Integer.toString(MEASURED_STEPS), "63", "50", "65", "10"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, process.exitValue(), "probe failed:\n" + output);
        System.out.print(output);
        return output;
    }

    static long allocatedBytes(String output) {
        Matcher m = ALLOCATED.matcher(output);
        assertTrue(m.find(), output);
        return Long.parseLong(m.group(1));
    }

    @Test
    void aLongTrainingLikeLoopAllocatesNothingPerKernelCall() throws Exception {
        String output = runProbe();
        assertTrue(output.contains("lanewise kernels: vector"), output);
        assertTrue(output.contains("finite: true"), output);
        long allocated = allocatedBytes(output);
        double perStep = (double) allocated / MEASURED_STEPS;
        double perCall = perStep / MlpTrainingStep.KERNEL_CALLS;
        assertTrue(perStep < MAX_BYTES_PER_STEP, "steady state allocated " + perStep + " bytes per step, "
                + perCall + " per kernel call (less than " + MAX_BYTES_PER_STEP + " per step allowed): a kernel "
                + "boxes vectors or a facade allocates\n" + output);
    }
}
