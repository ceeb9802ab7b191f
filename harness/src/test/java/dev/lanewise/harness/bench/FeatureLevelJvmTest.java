package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lanewise.harness.CpuInfo;
import dev.lanewise.kernels.Kernels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the {@code UseAVX} levels' flags really make of a JVM on this machine: each in a child JVM, as a JMH fork
 * gets them. A level this CPU cannot show is skipped (assumed away), since its flags would mean something else.
 */
class FeatureLevelJvmTest {

    @Test
    void avx2GivesTheKernels256BitsWithFmaAndC2At256Bits() throws Exception {
        Map<String, String> jvm = childWith(FeatureLevel.AVX2);
        assertEquals("2", jvm.get("UseAVX"));
        assertEquals("32", jvm.get("MaxVectorSize"));
        assertEquals("256", jvm.get("preferredBits"));
        assertTrue(jvm.get("kernels").startsWith("lanewise kernels: vector256"), jvm.get("kernels"));
        assertTrue(jvm.get("kernels").contains("FMA on"), jvm.get("kernels"));
    }

    @Test
    void avx1NarrowsOnlyTheVectorApiAndKeepsFma() throws Exception {
        Map<String, String> jvm = childWith(FeatureLevel.AVX1);
        assertEquals("1", jvm.get("UseAVX"));
        assertEquals("128", jvm.get("preferredBits"));
        assertEquals("32", jvm.get("MaxVectorSize"), "C2's auto-vectorizer keeps 256-bit float vectors");
        assertEquals("true", jvm.get("UseFMA"));
        assertTrue(jvm.get("kernels").startsWith("lanewise kernels: vector128"), jvm.get("kernels"));
    }

    @Test
    void sseHasNoHardwareFmaAndTheKernelsMultiplyAdd() throws Exception {
        Map<String, String> jvm = childWith(FeatureLevel.SSE);
        assertEquals("0", jvm.get("UseAVX"));
        assertEquals("false", jvm.get("UseFMA"));
        assertEquals("16", jvm.get("MaxVectorSize"));
        assertEquals("128", jvm.get("preferredBits"));
        assertTrue(jvm.get("kernels").contains("FMA off"), jvm.get("kernels"));
    }

    @Test
    void withoutTheFmaPropertyTheSseLevelStillMultipliesAndAdds() throws Exception {
        // The property is a guard; the FMA policy reads the JVM's UseFMA=false on its own.
        assumeShows(FeatureLevel.SSE);
        Map<String, String> jvm = child(List.of("-XX:UseAVX=0"));
        assertTrue(jvm.get("kernels").contains("FMA off (the JVM reports no hardware FMA"), jvm.get("kernels"));
    }

    private static Map<String, String> childWith(FeatureLevel level) throws IOException, InterruptedException {
        assumeShows(level);
        return child(level.jvmArgs());
    }

    private static void assumeShows(FeatureLevel level) {
        int preferred = Kernels.preferredVectorBits().orElse(0);
        assumeTrue(level.skipReason(preferred, CpuInfo.simdFlags()).isEmpty(),
                () -> level.label() + " is not shown here: " + level.skipReason(preferred, CpuInfo.simdFlags()).get());
    }

    private static Map<String, String> child(List<String> flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector"));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LevelFlagsProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, process.exitValue(), output);
        Map<String, String> values = new LinkedHashMap<>();
        output.lines().filter(l -> l.contains("=") && !l.startsWith("WARNING"))
                .forEach(l -> values.putIfAbsent(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return values;
    }
}
