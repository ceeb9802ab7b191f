package dev.lanewise.harness.bench;

import static dev.lanewise.harness.bench.FeatureLevel.AVX1;
import static dev.lanewise.harness.bench.FeatureLevel.AVX2;
import static dev.lanewise.harness.bench.FeatureLevel.SCALAR;
import static dev.lanewise.harness.bench.FeatureLevel.SSE;
import static dev.lanewise.harness.bench.FeatureLevel.V128;
import static dev.lanewise.harness.bench.FeatureLevel.V256;
import static dev.lanewise.harness.bench.FeatureLevel.V512;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which levels {@code --levels all} runs on CPUs described by their flags, without running JMH. */
class FeatureLevelTest {
    /** A Zen 3 / Haswell class CPU: AVX2 and FMA, no AVX-512. */
    private static final List<String> AVX2_CPU = List.of("sse4_2", "avx", "avx2", "fma");
    /** A Zen 5 / Sapphire Rapids class CPU. */
    private static final List<String> AVX512_CPU =
            List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512vl", "avx512bw", "avx512dq");
    /** A Sandy Bridge class CPU: AVX without AVX2 or FMA. */
    private static final List<String> AVX_CPU = List.of("sse4_2", "avx");

    @Test
    void anAvx2MachineRunsNoAvx512LevelAndNoAvx2LevelSinceThatIsItsDefault() {
        assertEquals(List.of(SCALAR, SSE, AVX1, V128, V256), FeatureLevel.allOn(256, AVX2_CPU));
        assertTrue(V512.skipReason(256, AVX2_CPU).orElseThrow().contains("wider than this CPU's 256-bit"));
        assertTrue(AVX2.skipReason(256, AVX2_CPU).orElseThrow().contains("-XX:UseAVX=2 is the JVM's default on a CPU without avx512f"));
    }

    @Test
    void anAvx512MachineRunsEveryLevel() {
        assertEquals(List.of(SCALAR, SSE, AVX1, V128, AVX2, V256, V512), FeatureLevel.allOn(512, AVX512_CPU));
        for (FeatureLevel level : FeatureLevel.candidates()) {
            assertTrue(level.runsNatively(512, AVX512_CPU), level.label());
        }
    }

    @Test
    void anAvx512MachineWhoseJvmPrefers256BitsStillShowsAvx2ButNotVector512() {
        // HotSpot keeps 256-bit vectors on some early AVX-512 parts: the width decides vector512, the flags avx2.
        assertEquals(List.of(SCALAR, SSE, AVX1, V128, AVX2, V256), FeatureLevel.allOn(256, AVX512_CPU));
    }

    @Test
    void aFirstGenerationAvxMachineHasNoAvx1LevelSinceThatIsItsDefault() {
        assertEquals(List.of(SCALAR, SSE, V128), FeatureLevel.allOn(128, AVX_CPU));
        assertTrue(AVX2.skipReason(128, AVX_CPU).orElseThrow().contains("needs the CPU flag avx2"));
        assertTrue(AVX1.skipReason(128, AVX_CPU).orElseThrow().contains("default on a CPU without avx2"));
    }

    @Test
    void aCpuWithoutX86FlagsGetsNoUseAvxLevel() {
        // An ARM machine (or one without /proc/cpuinfo): -XX:UseAVX would not even start the JVM there.
        assertEquals(List.of(SCALAR, V128), FeatureLevel.allOn(128, List.of()));
        assertTrue(SSE.skipReason(128, List.of()).orElseThrow().contains("needs the CPU flag sse4_2"));
        assertFalse(AVX1.runsNatively(128, List.of()));
        assertTrue(AVX1.runsNatively(128), "the width-only rule is unchanged");
    }

    @Test
    void theSseLevelNeverReliesOnHardwareFma() {
        assertEquals(List.of("-XX:UseAVX=0", "-Dlanewise.fma=false", "-Dlanewise.kernels=vector"), SSE.jvmArgs());
        assertTrue(SSE.caveat().orElseThrow().contains("software FMA"));
        assertEquals(List.of("-XX:UseAVX=2"), AVX2.jvmArgs());
        assertEquals(List.of("-XX:UseAVX=1"), AVX1.jvmArgs());
    }

    @Test
    void theWidthOnlyRuleAndParsingKeepTheirOldMeaning() {
        assertTrue(V256.runsNatively(256));
        assertFalse(V512.runsNatively(256));
        assertTrue(SCALAR.runsNatively(0));
        assertEquals(V128, FeatureLevel.parse("vector128"));
        assertEquals(V128, FeatureLevel.parse("V128"));
        assertEquals(AVX2, FeatureLevel.parse("AVX2"));
        assertEquals(SSE, FeatureLevel.parse("sse"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureLevel.parse("avx3"));
        assertEquals("level must be one of scalar, vector128, vector256, vector512, default, avx2, avx1, sse; was avx3",
                e.getMessage());
    }
}
