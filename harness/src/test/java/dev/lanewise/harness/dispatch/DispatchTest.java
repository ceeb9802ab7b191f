package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.CheckedBlas;

import static dev.lanewise.harness.dispatch.ForkedJvm.probe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider choice, the by-name lookup, and the scalar fallback without the Vector API module. */
class DispatchTest {

    @Test
    void withoutTheVectorModuleTheLibraryLoadsAndRunsScalar() throws Exception {
        String output = probe();
        assertTrue(output.contains("module present: false"), output);
        assertTrue(output.contains("lanewise kernels: scalar"), output);
        assertTrue(output.contains("without --add-modules jdk.incubator.vector"), output);
        assertTrue(output.contains("dot = 506.0"), output);
        assertTrue(output.contains("vector256 refused: the vector kernels need the JVM flag --add-modules"), output);
    }

    @Test
    void withTheModuleTheVectorPathIsChosen() throws Exception {
        String output = probe("--add-modules=jdk.incubator.vector");
        assertTrue(output.contains("lanewise kernels: vector"), output);
        assertTrue(output.contains("dot = 506.0"), output);
        for (String name : List.of("scalar", "vector128", "vector256", "vector512")) {
            assertTrue(output.contains(name + " dot = 369564.0"), output);
        }
    }

    @Test
    void systemPropertiesForceThePathAndTheWidth() throws Exception {
        String scalar = probe("--add-modules=jdk.incubator.vector", "-Dlanewise.kernels=scalar");
        assertTrue(scalar.contains("lanewise kernels: scalar") && scalar.contains("forced by -Dlanewise.kernels=scalar"), scalar);
        String narrow = probe("--add-modules=jdk.incubator.vector", "-Dlanewise.vector.bits=128");
        assertTrue(narrow.contains("lanewise kernels: vector128, species float x 4 lanes (128 bits)"), narrow);
    }

    @Test
    void withoutHardwareFmaBothPathsUseMultiplyAdd() throws Exception {
        // -XX:UseAVX exists only on x86 JVMs (elsewhere the child would not start), so elsewhere this test
        // cannot apply; the property below covers the multiply-add policy on every machine.
        assumeTrue(Set.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
                "-XX:UseAVX is an x86 flag, and this is " + System.getProperty("os.arch"));
        String output = probe("--add-modules=jdk.incubator.vector", "-XX:UseAVX=0");
        assertTrue(output.contains("FMA off (the JVM reports no hardware FMA (UseFMA=false))"), output);
    }

    @Test
    void thePropertyTurnsFmaOffOnEveryMachine() throws Exception {
        String forced = probe("--add-modules=jdk.incubator.vector", "-Dlanewise.fma=false");
        assertTrue(forced.contains("FMA off (lanewise.fma=false)"), forced);
        assertTrue(forced.contains("vector128 dot = 369564.0"), forced);
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
