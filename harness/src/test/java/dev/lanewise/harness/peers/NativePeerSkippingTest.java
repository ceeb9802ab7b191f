package dev.lanewise.harness.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.bench.AllCoresThreads;
import dev.lanewise.harness.bench.BenchmarkCatalog;
import dev.lanewise.harness.bench.peers.CReferenceBuild;
import dev.lanewise.harness.bench.peers.NativePeers;
import dev.lanewise.harness.bench.peers.OpenBlasLocator;
import dev.lanewise.harness.bench.peers.Peer;
import dev.lanewise.harness.bench.peers.PeerLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing native peer gives one note and an exclusion of exactly its benchmarks; the others run unchanged. */
class NativePeerSkippingTest {
    private static final String BENCH = "dev.lanewise.harness.bench.";

    @TempDir
    Path temp;

    @Test
    void openBlasNotFoundNamesEveryPlaceLookedIn() {
        Path nowhere = temp.resolve("no-such-folder").resolve("libopenblas.so.0");
        Path alsoNowhere = temp.resolve("libopenblas.so");
        PeerLibrary library = OpenBlasLocator.locate(List.of(nowhere, alsoNowhere));
        assertFalse(library.available());
        assertTrue(library.reason().startsWith("OpenBLAS not found (looked in " + nowhere + ", " + alsoNowhere),
                library.reason());
    }

    @Test
    void openBlasIsTheFirstCandidateThatExists() throws Exception {
        Path present = Files.createFile(temp.resolve("libopenblas.so.0"));
        PeerLibrary library = OpenBlasLocator.locate(List.of(temp.resolve("missing.so"), present));
        assertTrue(library.available());
        assertEquals(present, library.path());
    }

    @Test
    void noGccMeansNoCReference() {
        PeerLibrary library = CReferenceBuild.build(temp.resolve("no-gcc-here").toString(), sourceFolder(), temp);
        assertFalse(library.available());
        assertTrue(library.reason().startsWith("gcc not found"), library.reason());
    }

    @Test
    void noSourceMeansNoCReference() {
        PeerLibrary library = CReferenceBuild.build("gcc", temp.resolve("empty"), temp);
        assertFalse(library.available());
        assertTrue(library.reason().startsWith("C reference source not found"), library.reason());
    }

    @Test
    void aMissingPeerIsSkippedWithOneNoteAndAnExactExclusion() {
        List<String> selected = BenchmarkCatalog.matching(Pattern.compile("(BlasBenchmark\\.dot|GemmBenchmark\\.sgemm)"));
        PeerLibrary noOpenBlas = OpenBlasLocator.locate(List.of(temp.resolve("libopenblas.so.0")));
        Path cLibrary = temp.resolve("libreference.so");
        NativePeers peers = NativePeers.forSelection(selected, peer -> peer == Peer.OPENBLAS ? noOpenBlas
                : PeerLibrary.found(Peer.C_REFERENCE, cLibrary, "built for the test"));

        assertEquals(List.of(noOpenBlas.reason() + ": skipping BlasBenchmark.dotOpenBlas, "
                + "BlasBenchmark.dotOpenBlasAllCores, GemmBenchmark.sgemmOpenBlas"), peers.notes());
        List<String> excluded = selected.stream()
                .filter(name -> peers.excludes().stream().anyMatch(regex -> Pattern.compile(regex).matcher(name).find()))
                .toList();
        assertEquals(List.of(BENCH + "BlasBenchmark.dotOpenBlas", BENCH + "BlasBenchmark.dotOpenBlasAllCores",
                BENCH + "GemmBenchmark.sgemmOpenBlas"), excluded);
        List<String> expectedRemaining = new ArrayList<>(selected);
        expectedRemaining.removeAll(excluded);
        assertEquals(expectedRemaining, peers.remaining(selected));
        assertTrue(peers.remaining(selected).contains(BENCH + "BlasBenchmark.dotC"));
        assertTrue(peers.remaining(selected).contains(BENCH + "BlasBenchmark.dotVector"));
        // The found peer's library goes to the forks; the missing one's does not.
        assertEquals(List.of("-D" + Peer.C_REFERENCE.property() + "=" + cLibrary.toAbsolutePath()), peers.forkJvmArgs());
    }

    @Test
    void missingCompilerSkipsTheCKernels() {
        List<String> selected = BenchmarkCatalog.matching(Pattern.compile("(ActivationBenchmark\\.sigmoid|OptimizerBenchmark\\.adam)"));
        PeerLibrary noGcc = CReferenceBuild.build(temp.resolve("gcc").toString(), sourceFolder(), temp);
        NativePeers peers = NativePeers.forSelection(selected, peer -> noGcc);
        assertEquals(List.of(noGcc.reason() + ": skipping ActivationBenchmark.sigmoidC, OptimizerBenchmark.adamC"),
                peers.notes());
        assertEquals(List.of(), peers.forkJvmArgs());
        assertFalse(peers.remaining(selected).contains(BENCH + "OptimizerBenchmark.adamC"));
        assertTrue(peers.remaining(selected).contains(BENCH + "OptimizerBenchmark.adamVector"));
    }

    @Test
    void aSelectionWithoutNativeMethodsLooksUpNoPeer() {
        List<String> selected = BenchmarkCatalog.matching(Pattern.compile("BlasBenchmark\\.dot(Vector|Scalar)$"));
        NativePeers peers = NativePeers.forSelection(selected, peer -> {
            throw new AssertionError("looked up " + peer);
        });
        assertEquals(List.of(), peers.notes());
        assertEquals(List.of(), peers.excludes());
        assertEquals(selected, peers.remaining(selected));
    }

    @Test
    void allCoresJoinTheDeclaredThreadCounts() {
        assertArrayEquals(new String[] {"1", "2", "16"},
                AllCoresThreads.withCores(List.of(new String[] {"1", "2"}, new String[] {"2", "1"}), 16).orElseThrow());
        assertEquals(Optional.empty(), AllCoresThreads.withCores(List.<String[]>of(new String[] {"1", "2"}), 2));
        assertEquals(Optional.empty(), AllCoresThreads.withCores(List.of(), 16));
        assertArrayEquals(new String[] {"1", "2", "16"},
                AllCoresThreads.forSelection(Pattern.compile("GemmBenchmark\\.sgemmOpenBlas"), 16).orElseThrow());
        assertEquals(Optional.empty(), AllCoresThreads.forSelection(Pattern.compile("BlasBenchmark"), 16));
    }

    /** peers/c, from Surefire's working folder (harness/). */
    static Path sourceFolder() {
        return Path.of("..", "peers", "c");
    }
}
