package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.CheckedBlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The provider choice, the by-name lookup, and the scalar fallback without the Vector API module. */
class DispatchTest {

    /** Runs the probe in a fresh JVM with {@code jvmArgs}, returning what it printed. */
    private static String runProbe(String... jvmArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WithoutVectorModuleProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, process.exitValue(), "probe failed:\n" + output);
        return output;
    }

    @Test
    void withoutTheVectorModuleTheLibraryLoadsAndRunsScalar() throws Exception {
        String output = runProbe();
        assertTrue(output.contains("module present: false"), output);
        assertTrue(output.contains("lanewise kernels: scalar"), output);
        assertTrue(output.contains("without --add-modules jdk.incubator.vector"), output);
        assertTrue(output.contains("dot = 506.0"), output);
        assertTrue(output.contains("vector(256) refused: the vector kernels need the JVM flag --add-modules"), output);
    }

    @Test
    void withTheModuleTheVectorPathIsChosen() throws Exception {
        String output = runProbe("--add-modules=jdk.incubator.vector");
        assertTrue(output.contains("lanewise kernels: vector"), output);
        assertTrue(output.contains("dot = 506.0"), output);
    }

    @Test
    void systemPropertiesForceThePathAndTheWidth() throws Exception {
        String scalar = runProbe("--add-modules=jdk.incubator.vector", "-Dlanewise.kernels=scalar");
        assertTrue(scalar.contains("lanewise kernels: scalar") && scalar.contains("forced by -Dlanewise.kernels=scalar"), scalar);
        String narrow = runProbe("--add-modules=jdk.incubator.vector", "-Dlanewise.vector.bits=128");
        assertTrue(narrow.contains("lanewise kernels: vector128, species float x 4 lanes (128 bits)"), narrow);
    }

    @Test
    void withoutHardwareFmaBothPathsUseMultiplyAdd() throws Exception {
        String output = runProbe("--add-modules=jdk.incubator.vector", "-XX:UseAVX=0");
        assertTrue(output.contains("FMA off (the JVM reports no hardware FMA (UseFMA=false))"), output);
        String forced = runProbe("--add-modules=jdk.incubator.vector", "-Dlanewise.fma=false");
        assertTrue(forced.contains("FMA off (lanewise.fma=false)"), forced);
    }

    @Test
    void everyImplementationIsAvailableByName() {
        List<String> names = Kernels.all().stream().map(KernelProvider::name).toList();
        assertEquals(List.of("scalar", "vector128", "vector256", "vector512"), names);
        for (String name : names) {
            assertEquals(name, Kernels.named(name).name());
        }
        assertEquals(512, Kernels.named("vector512").vectorBitSize());
        // Each width runs its own copy of the vector classes, so each has its own constant species; the copies
        // sit inside the one checking layer that every provider hands out.
        assertTrue(blasClass(128) != blasClass(256));
        assertTrue(blasClass(256) != blasClass(512));
        assertEquals(blasClass(128).getName(), blasClass(512).getName());
        assertEquals(CheckedBlas.class, Kernels.vector(128).blas().getClass());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.vector(64));
        assertTrue(e.getMessage().contains("bits must be 128, 256 or 512, was 64"), e.getMessage());
    }

    /** The class of the unchecked implementation inside the vector provider's checking layer. */
    private static Class<?> blasClass(int bits) {
        return ((CheckedBlas) Kernels.vector(bits).blas()).kernels().getClass();
    }
}
