package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.bench.ExpectedKernels.Kind;
import dev.lanewise.kernels.KernelChoice;
import dev.lanewise.kernels.Kernels;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExpectedKernelsTest {
    private static final String SIGMOID = "dev.lanewise.harness.bench.ActivationBenchmark.sigmoidVector";
    private static final KernelChoice NO_MODULE = new KernelChoice(Kernels.scalar(),
            "scalar because the JVM was started without --add-modules jdk.incubator.vector");

    @Test
    void methodsOfTheProductionKernelsAreCheckedAndTheOthersAreNot() {
        for (String method : new String[] {"sigmoidVector", "sgemmLanewise", "adamFacade", "dotByName", "dotArray",
                "dotHeapSegment", "adamNativeSegment", "dotVectorWarmedUp"}) {
            assertTrue(ExpectedKernels.usesProductionKernels(method), method);
        }
        for (String method : new String[] {"sigmoidScalar", "dotPlainJava", "adamTribuo", "sgemmNetlib", "sgemmEjml",
                "sgemmNaive", "dotDirect", "Vector", "mlpStep"}) {
            assertFalse(ExpectedKernels.usesProductionKernels(method), method);
            assertEquals(Kind.UNCHECKED, ExpectedKernels.forMethod(method, null, OptionalInt.empty(),
                    OptionalInt.of(512)).kind(), method);
        }
    }

    @Test
    void theExpectedWidthIsTheForcedOneElseThePreferredOne() {
        ExpectedKernels forced = ExpectedKernels.forMethod("dotVector", null, OptionalInt.of(128), OptionalInt.of(512));
        assertEquals(new ExpectedKernels(Kind.VECTOR, 128, "-Dlanewise.vector.bits=128"), forced);
        ExpectedKernels preferred = ExpectedKernels.forMethod("dotVector", "auto", OptionalInt.empty(), OptionalInt.of(256));
        assertEquals(Kind.VECTOR, preferred.kind());
        assertEquals(256, preferred.bits());
        ExpectedKernels unknown = ExpectedKernels.forMethod("dotVector", null, OptionalInt.empty(), OptionalInt.empty());
        assertEquals(Kind.VECTOR, unknown.kind());
        assertEquals(0, unknown.bits());
    }

    @Test
    void theScalarLevelExpectsTheScalarPathEvenOfVectorMethods() {
        ExpectedKernels scalar = ExpectedKernels.forMethod("dotVector", " Scalar ", OptionalInt.of(256), OptionalInt.of(512));
        assertEquals(Kind.SCALAR, scalar.kind());
        assertTrue(scalar.refusal(SIGMOID, NO_MODULE, false).isEmpty());
        assertTrue(scalar.refusal(SIGMOID, new KernelChoice(Kernels.vector(128), "test"), true).isPresent());
    }

    @Test
    void aVectorMethodOnTheScalarPathIsRefusedWithTheMethodWhatItGotAndTheLikelyCause() {
        ExpectedKernels expected = ExpectedKernels.forMethod("sigmoidVector", null, OptionalInt.empty(), OptionalInt.empty());
        String message = expected.refusal(SIGMOID, NO_MODULE, false).orElseThrow();
        assertTrue(message.startsWith(SIGMOID + " measures the production kernels"), message);
        assertTrue(message.contains("but it runs scalar"), message);
        assertTrue(message.contains(NO_MODULE.reason()), message);
        assertTrue(message.contains("-jvmArgsAppend"), message);
        assertTrue(message.contains("--add-modules=jdk.incubator.vector"), message);
    }

    @Test
    void aVectorPathAtAnotherWidthIsRefusedAndTheExpectedOnePasses() {
        ExpectedKernels at256 = ExpectedKernels.forMethod("dotVector", null, OptionalInt.of(256), OptionalInt.of(512));
        KernelChoice narrow = new KernelChoice(Kernels.vector(128), "test");
        String message = at256.refusal(SIGMOID, narrow, true).orElseThrow();
        assertTrue(message.contains("vector kernels at 256 bits (-Dlanewise.vector.bits=256)"), message);
        assertTrue(message.contains("but it runs vector128"), message);
        assertTrue(at256.refusal(SIGMOID, new KernelChoice(Kernels.vector(256), "test"), true).isEmpty());
    }

    @Test
    void aVectorMethodWhoseVectorPathWasRefusedWithTheModulePresentNamesTheDispatchersReason() {
        ExpectedKernels expected = ExpectedKernels.forMethod("dotVector", null, OptionalInt.empty(), OptionalInt.of(256));
        KernelChoice refused = new KernelChoice(Kernels.scalar(), "scalar because C2 is off");
        String message = expected.refusal(SIGMOID, refused, true).orElseThrow();
        assertTrue(message.contains("scalar because C2 is off"), message);
        assertTrue(message.contains("the dispatcher refused the vector path"), message);
    }

    @Test
    void uncheckedMethodsPassWhateverTheyGet() {
        ExpectedKernels peer = ExpectedKernels.forMethod("dotPlainJava", null, OptionalInt.empty(), OptionalInt.of(512));
        assertTrue(peer.refusal(SIGMOID, NO_MODULE, false).isEmpty());
    }
}
