package dev.lanewise.harness.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lanewise.harness.bench.peers.CReferenceBuild;
import dev.lanewise.harness.bench.peers.PeerLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C reference library is built once per source and compiler, with the command and version recorded. */
class CReferenceBuildTest {

    @TempDir
    Path cache;

    @Test
    void buildsOnceThenReusesTheLibraryAndRecordsTheCommand() throws Exception {
        assumeTrue(NativeData.gccRuns(), "gcc is not installed");
        PeerLibrary first = CReferenceBuild.build(NativeData.compiler(), NativePeerSkippingTest.sourceFolder(), cache);
        assertTrue(first.available(), first::reason);
        assertTrue(first.path().startsWith(cache.toAbsolutePath()), first.path().toString());
        assertTrue(Files.size(first.path()) > 0);
        assertTrue(first.description().startsWith("`" + NativeData.compiler() + " -O3 -march=native -ffast-math -fopenmp-simd -shared -fPIC -o "
                + first.path() + " "), first.description());
        assertTrue(first.description().contains("reference_lib.c -lm` (gcc"), first.description());

        FileTime built = Files.getLastModifiedTime(first.path());
        PeerLibrary second = CReferenceBuild.build(NativeData.compiler(), NativePeerSkippingTest.sourceFolder(), cache);
        assertEquals(first, second);
        assertEquals(built, Files.getLastModifiedTime(second.path()), "the second build reused the first library");
        try (var files = Files.list(first.path().getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the library");
        }
    }

    @Test
    void aSourceThatDoesNotCompileGivesGccsError() throws Exception {
        assumeTrue(NativeData.gccRuns(), "gcc is not installed");
        Path source = Files.createDirectories(cache.resolve("broken"));
        Files.writeString(source.resolve("reference_lib.c"), "int broken( {\n");
        PeerLibrary library = CReferenceBuild.build(NativeData.compiler(), source, cache.resolve("out"));
        assertTrue(!library.available() && library.reason().startsWith("gcc failed to build the C reference kernels (exit 1): ")
                && library.reason().contains("error"), library.reason());
    }
}
