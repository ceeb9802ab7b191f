package dev.lanewise.harness.dispatch;

import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.internal.VectorPreconditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each refusal of the vector path, fed the answers of JVMs this machine is not. */
class VectorPreconditionsTest {
    private static final String OPENJDK = "OpenJDK 64-Bit Server VM";

    private static Function<String, Optional<String>> flags(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void aJdkUpToTheNewestTestedIsAcceptedANewerOneRefusedUnlessAllowed() {
        int newest = Kernels.NEWEST_TESTED_JDK;
        assertEquals(Optional.empty(), VectorPreconditions.untestedJdk(21, false));
        assertEquals(Optional.empty(), VectorPreconditions.untestedJdk(newest, false));
        Optional<String> refused = VectorPreconditions.untestedJdk(newest + 1, false);
        assertTrue(refused.orElse("").startsWith("JDK " + (newest + 1) + " is newer than JDK " + newest), refused.toString());
        assertEquals(Optional.empty(), VectorPreconditions.untestedJdk(newest + 1, true));
    }

    @Test
    void onlyHotSpotWithItsVectorIntrinsicsAndC2IsAccepted() {
        assertEquals(Optional.empty(), VectorPreconditions.notIntrinsified(OPENJDK, flags(Map.of())));
        assertEquals(Optional.empty(),
                VectorPreconditions.notIntrinsified("Java HotSpot(TM) 64-Bit Server VM", flags(Map.of("EnableVectorSupport", "true"))));
        assertTrue(VectorPreconditions.notIntrinsified("Eclipse OpenJ9 VM", flags(Map.of())).orElse("")
                .contains("(Eclipse OpenJ9 VM) is not HotSpot"));
        assertEquals(Optional.of("the Vector API is not intrinsified (EnableVectorSupport=false)"),
                VectorPreconditions.notIntrinsified(OPENJDK, flags(Map.of("EnableVectorSupport", "false"))));
        assertTrue(VectorPreconditions.notIntrinsified(OPENJDK, flags(Map.of("UseJVMCICompiler", "true"))).orElse("")
                .contains("JVMCI"));
    }

    @Test
    void anX86JvmWithoutAvxIsRefused() {
        assertTrue(VectorPreconditions.notIntrinsified(OPENJDK, flags(Map.of("UseAVX", "0"))).orElse("")
                .contains("without AVX (UseAVX=0)"));
        assertEquals(Optional.empty(), VectorPreconditions.notIntrinsified(OPENJDK, flags(Map.of("UseAVX", "1"))));
        assertEquals(Optional.empty(), VectorPreconditions.notIntrinsified(OPENJDK, flags(Map.of("UseAVX", "3"))));
    }

    @Test
    void anInterpretedOrC1OnlyJvmIsRefused() {
        assertEquals(Optional.empty(), VectorPreconditions.c2Missing("mixed mode, sharing", List.of("-Xss4m")));
        assertEquals(Optional.empty(),
                VectorPreconditions.c2Missing("mixed mode", List.of("-XX:TieredStopAtLevel=4")));
        assertTrue(VectorPreconditions.c2Missing("interpreted mode", List.of()).orElse("").contains("-Xint"));
        assertTrue(VectorPreconditions.c2Missing("mixed mode", List.of("-XX:TieredStopAtLevel=1")).orElse("")
                .contains("C2 is off (-XX:TieredStopAtLevel=1)"));
    }
}
