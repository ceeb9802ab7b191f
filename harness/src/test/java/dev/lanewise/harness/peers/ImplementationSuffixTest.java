package dev.lanewise.harness.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.bench.BenchmarkCatalog;
import dev.lanewise.harness.bench.Implementation;
import dev.lanewise.harness.bench.peers.Peer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The method-name rule {@code <kernel><Implementation>} with the native peers' suffixes. */
class ImplementationSuffixTest {

    @Test
    void nativePeerSuffixesSplitOffTheKernel() {
        assertSplit("dotC", "dot", "C");
        assertSplit("softmaxCrossEntropyC", "softmaxCrossEntropy", "C");
        assertSplit("dotOpenBlas", "dot", "OpenBlas");
        assertSplit("sgemmOpenBlas", "sgemm", "OpenBlas");
        assertSplit("dotOpenBlasAllCores", "dot", "OpenBlasAllCores");
        assertSplit("sgemvOpenBlasAllCores", "sgemv", "OpenBlasAllCores");
    }

    @Test
    void theOneLetterSuffixTakesNoOtherName() {
        assertSplit("sgemmScalar", "sgemm", "Scalar");
        assertSplit("sgemmNetlib", "sgemm", "Netlib");
        assertSplit("sgemvLanewise", "sgemv", "Lanewise");
        assertSplit("adamPlainJava", "adam", "PlainJava");
        assertSplit("adamNativeSegment", "adam", "NativeSegment");
        // A capital C after another capital is no "C" implementation, nor is the bare letter.
        assertEquals("matmulABC", Implementation.of("matmulABC"));
        assertEquals("C", Implementation.of("C"));
        assertEquals("matmulABC", Implementation.kernel("matmulABC"));
    }

    @Test
    void onlyNativeSuffixesMapToAPeer() {
        assertEquals(Optional.of(Peer.C_REFERENCE), Peer.ofImplementation("C"));
        assertEquals(Optional.of(Peer.OPENBLAS), Peer.ofImplementation("OpenBlas"));
        assertEquals(Optional.of(Peer.OPENBLAS), Peer.ofImplementation("OpenBlasAllCores"));
        for (String other : List.of("Vector", "Scalar", "Lanewise", "PlainJava", "Netlib", "NativeSegment", "dotByName")) {
            assertEquals(Optional.empty(), Peer.ofImplementation(other), other);
        }
    }

    /** Every compiled benchmark whose name ends in a native suffix is one of the peer methods this issue added. */
    @Test
    void theCatalogsNativeMethodsAreExactlyThePeerMethods() {
        List<String> nativeMethods = BenchmarkCatalog.all().stream()
                .filter(name -> Peer.ofImplementation(Implementation.of(name.substring(name.lastIndexOf('.') + 1))).isPresent())
                .map(name -> name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1))
                .sorted().toList();
        assertEquals(List.of("ActivationBenchmark.sigmoidC", "BlasBenchmark.axpyC", "BlasBenchmark.axpyOpenBlas",
                "BlasBenchmark.axpyOpenBlasAllCores", "BlasBenchmark.dotC", "BlasBenchmark.dotOpenBlas",
                "BlasBenchmark.dotOpenBlasAllCores", "GemmBenchmark.sgemmOpenBlas", "GemvBenchmark.sgemvOpenBlas",
                "GemvBenchmark.sgemvOpenBlasAllCores", "LossBenchmark.softmaxCrossEntropyC", "OptimizerBenchmark.adamC"),
                nativeMethods);
        assertTrue(BenchmarkCatalog.all().contains("dev.lanewise.harness.bench.GemvBenchmark.sgemvLanewise"));
    }

    private static void assertSplit(String method, String kernel, String implementation) {
        assertEquals(implementation, Implementation.of(method), method);
        assertEquals(kernel, Implementation.kernel(method), method);
    }
}
