package dev.lanewise.harness.dispatch;

import static dev.lanewise.harness.dispatch.ForkedJvm.probe;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vector path refused, with its reason in the dispatch line, where its classes fail to load, on a JDK newer
 * than the newest tested, and on a VM that does not intrinsify the Vector API; the kernels work either way.
 * Each case runs in its own JVM, as the choice is made once per JVM.
 */
class FailSafeDispatchTest {
    private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    private static final String PROVIDER_HOOK = "-Dlanewise.test.vectorProvider=";

    @Test
    void aVectorClassWhoseInitializerThrowsLeavesTheScalarPath() throws Exception {
        String output = probe(VECTOR_MODULE, PROVIDER_HOOK + BrokenVectorProviders.FailingInitializer.class.getName());
        assertTrue(output.contains("lanewise kernels: scalar"), output);
        assertTrue(output.contains("scalar because the vector kernels failed to load: "
                + "java.lang.ExceptionInInitializerError, caused by java.lang.IllegalStateException: "
                + "simulated failure in a vector class's static initializer"), output);
        assertScalarWorksAndVectorIsRefused(output);
    }

    @Test
    void aLinkageErrorFromTheVectorApiLeavesTheScalarPath() throws Exception {
        String output = probe(VECTOR_MODULE, PROVIDER_HOOK + BrokenVectorProviders.MissingApi.class.getName());
        assertTrue(output.contains("lanewise kernels: scalar"), output);
        assertTrue(output.contains("scalar because the vector kernels failed to load: java.lang.NoSuchMethodError: "
                + "'jdk.incubator.vector.FloatVector.simulatedRemovedMethod()'"), output);
        assertScalarWorksAndVectorIsRefused(output);
    }

    @Test
    void forcingTheVectorPathWhenItCannotLoadFailsLoudly() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(withClassPath(VECTOR_MODULE, "-Dlanewise.kernels=vector",
                PROVIDER_HOOK + BrokenVectorProviders.FailingInitializer.class.getName()));
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("java.lang.IllegalStateException: -Dlanewise.kernels=vector, but the vector "
                + "kernels failed to load"), result.output());
    }

    @Test
    void aJdkNewerThanTheNewestTestedIsRefusedUnlessAllowed() throws Exception {
        String refused = probe(VECTOR_MODULE, "-Dlanewise.test.jdkFeatureVersion=26");
        assertTrue(refused.contains("lanewise kernels: scalar"), refused);
        assertTrue(refused.contains("scalar because JDK 26 is newer than JDK 25, the newest the vector kernels were "
                + "tested on"), refused);
        assertTrue(refused.contains("-Dlanewise.vector.allowUntestedJdk=true allows it"), refused);
        assertTrue(refused.contains("dot = 506.0"), refused);

        String allowed = probe(VECTOR_MODULE, "-Dlanewise.test.jdkFeatureVersion=26",
                "-Dlanewise.vector.allowUntestedJdk=true");
        assertTrue(allowed.contains("lanewise kernels: vector"), allowed);
    }

    @Test
    void withoutVectorIntrinsicsTheScalarPathIsChosenAndTheVectorOneStillComputes() throws Exception {
        String output = probe(VECTOR_MODULE, "-XX:+UnlockExperimentalVMOptions", "-XX:-EnableVectorSupport");
        assertTrue(output.contains("lanewise kernels: scalar"), output);
        assertTrue(output.contains("scalar because the Vector API is not intrinsified (EnableVectorSupport=false)"),
                output);
        assertTrue(output.contains("dot = 506.0"), output);
        // What really happens there: the API falls back to plain Java, slow but still correct.
        for (String name : List.of("scalar", "vector128", "vector256", "vector512")) {
            assertTrue(output.contains(name + " dot = 369564.0"), output);
        }

        String forced = probe(VECTOR_MODULE, "-XX:+UnlockExperimentalVMOptions", "-XX:-EnableVectorSupport",
                "-Dlanewise.kernels=vector");
        assertTrue(forced.contains("lanewise kernels: vector"), forced);
        assertTrue(forced.contains("vector forced although the Vector API is not intrinsified"), forced);
    }

    private static void assertScalarWorksAndVectorIsRefused(String output) {
        assertTrue(output.contains("module present: true"), output);
        assertTrue(output.contains("dot = 506.0"), output);
        assertTrue(output.contains("scalar dot = 369564.0"), output);
        for (String name : List.of("vector128", "vector256", "vector512")) {
            assertTrue(output.contains(name + " refused: the vector kernels failed to load"), output);
        }
    }

    private static List<String> withClassPath(String... jvmArgs) {
        List<String> args = new ArrayList<>(List.of(jvmArgs));
        args.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return args;
    }
}
