package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.Kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernels as the named module {@code dev.lanewise.kernels} on the module path, with a caller on the class
 * path: the choice is made, and every width computes, which needs the run-time exports that give the width
 * copies (in their loader's unnamed module) the module's internal packages.
 */
class ModulePathTest {

    /**
     * The kernels jar this test runs against: in a reactor {@code verify}, kernels/target/lanewise-kernels-*.jar
     * (under {@code mvn test}, its classes folder, which is an exploded module just as well).
     */
    private static final Path KERNELS = ForkedJvm.codeSource(Kernels.class);
    /** The harness's test classes, for the probe; the kernels are not on this class path. */
    private static final Path PROBE = ForkedJvm.codeSource(DispatchProbe.class);

    @Test
    void onTheModulePathTheKernelsChooseAndEveryWidthComputes() throws Exception {
        String output = ForkedJvm.succeeded(ForkedJvm.run(modulePath()));
        assertTrue(output.contains("kernels module: dev.lanewise.kernels"), output);
        assertTrue(output.contains("lanewise kernels: vector"), output);
        assertTrue(output.contains("dot = 506.0"), output);
        for (String name : List.of("scalar", "vector128", "vector256", "vector512")) {
            assertTrue(output.contains(name + " dot = 369564.0"), output);
        }
    }

    @Test
    void withoutJdkManagementTheKernelsStillLoadAndMultiplyAdd() throws Exception {
        // jdk.management is only `requires static`: a jlink image may leave it out, as --limit-modules does here.
        List<String> args = new ArrayList<>(List.of("--limit-modules", "java.base,java.management"));
        args.addAll(modulePath());
        String output = ForkedJvm.succeeded(ForkedJvm.run(args));
        assertTrue(output.contains("kernels module: dev.lanewise.kernels"), output);
        assertTrue(output.contains("FMA off (UseFMA cannot be read because the module jdk.management is absent"), output);
        assertTrue(output.contains("lanewise kernels: vector"), output);
        for (String name : List.of("scalar", "vector128", "vector256", "vector512")) {
            assertTrue(output.contains(name + " dot = 369564.0"), output);
        }
    }

    private static List<String> modulePath() {
        return List.of("--module-path", KERNELS.toString(),
                "--add-modules", "jdk.incubator.vector,dev.lanewise.kernels",
                "-cp", PROBE.toString());
    }
}
