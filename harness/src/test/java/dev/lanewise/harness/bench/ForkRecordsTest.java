package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.kernels.KernelChoice;
import dev.lanewise.kernels.Kernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkRecordsTest {
    private static final String FMA = "on (the JVM reports UseFMA=true)";

    private static ForkRecord record(String benchmark, List<String> flags, String path, int bits, String refusal) {
        List<String> all = new java.util.ArrayList<>(List.of("-Xms2g", "-XX:CompileCommandFile=/tmp/x",
                "-XX:+UnlockDiagnosticVMOptions"));
        all.addAll(flags);
        return new ForkRecord(benchmark, "size=4096", ForkRecord.levelOf(all), ForkRecord.levelFlags(all), all, path,
                bits, FMA, "3", bits == 0 ? "64" : Integer.toString(bits / 8), "why", refusal, Map.of());
    }

    @Test
    void aForkIsOfTheLevelWhoseFlagsItHas() {
        assertEquals("scalar", ForkRecord.levelOf(List.of("--add-modules=jdk.incubator.vector", "-Dlanewise.kernels=scalar")));
        assertEquals("vector256", ForkRecord.levelOf(List.of("-Dlanewise.vector.bits=256", "-XX:MaxVectorSize=32")));
        assertEquals("default", ForkRecord.levelOf(List.of("--add-modules=jdk.incubator.vector", "-Xmx2g")));
        assertEquals("avx2", ForkRecord.levelOf(List.of("-XX:UseAVX=2")));
        assertEquals("custom", ForkRecord.levelOf(List.of("-XX:UseAVX=3")));
    }

    @Test
    void levelFlagsKeepWhatChoosesKernelsAndDropJmhsOwn() {
        List<String> flags = List.of("--add-modules=jdk.incubator.vector", "-Xms2g", "-XX:CompileCommandFile=/tmp/c",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:+UnlockExperimentalVMOptions", "-Dlanewise.vector.bits=128",
                "-XX:MaxVectorSize=16", "-Dlanewise.bench.forkRecords=/tmp/r", "-Dother=1");
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-Dlanewise.vector.bits=128", "-XX:MaxVectorSize=16"),
                ForkRecord.levelFlags(flags));
    }

    @Test
    void theFmaPolicyIsTheFmaPartOfTheDispatchLine() {
        KernelChoice choice = new KernelChoice(Kernels.scalar(), "forced by a test (with parentheses); and more");
        String fma = ForkRecord.fmaOf(choice);
        assertTrue(fma.startsWith("on (") || fma.startsWith("off ("), fma);
        assertTrue(fma.endsWith(")"), fma);
        assertEquals(choice.describe(), "lanewise kernels: scalar, no species, FMA " + fma + "; " + choice.reason());
    }

    @Test
    void aRecordWrittenToAFolderReadsBackTheSame(@TempDir Path dir) throws Exception {
        ForkRecord written = new ForkRecord("dev.lanewise.harness.bench.X.dotVectorWarmedUp", "size=4096, threads=1",
                "vector256", List.of("--add-modules=jdk.incubator.vector", "-Dlanewise.vector.bits=256"),
                List.of("-Xmx2g", "--add-modules=jdk.incubator.vector", "-Dlanewise.vector.bits=256"), "vector256", 256,
                FMA, "3", "32", "vector because -Dlanewise.vector.bits=256", "",
                Map.of("warmUpSeconds", "1.25", "warmUpOutcome", "done: all = compiled"));
        Path file = written.writeTo(dir.resolve("forks"));
        assertTrue(file.getFileName().toString().startsWith("X.dotVectorWarmedUp-"), file.toString());
        assertEquals(List.of(file), Files.list(dir.resolve("forks")).toList(), "no temporary file is left");
        assertEquals(List.of(written), ForkRecords.load(dir.resolve("forks")));
        assertEquals(List.of(), ForkRecords.load(dir.resolve("absent")));
    }

    @Test
    void theTableHasOneRowPerLevelAndConfigurationWithItsForksRefusalsAndMethods() {
        List<String> module = List.of("--add-modules=jdk.incubator.vector");
        List<String> scalar = List.of("--add-modules=jdk.incubator.vector", "--add-modules=jdk.incubator.vector",
                "-Dlanewise.kernels=scalar");
        List<ForkRecord> records = List.of(
                record("p.A.dotVector", module, "vector512", 512, ""),
                record("p.A.dotScalar", scalar, "scalar", 0, ""),
                record("p.A.dotVector", module, "vector512", 512, ""),
                record("p.B.sigmoidVector", List.of(), "scalar", 0, "refused"),
                record("p.B.tanhVector", module, "vector512", 512, ""),
                record("p.C.adamVector", module, "vector512", 512, ""),
                record("p.C.sgdVector", module, "vector512", 512, ""));
        String table = ForkRecords.table(records);
        List<String> lines = table.lines().toList();
        assertEquals(5, lines.size(), table);
        // The scalar level comes first (FeatureLevel order), its repeated flag shown once.
        assertEquals("| scalar | `--add-modules=jdk.incubator.vector -Dlanewise.kernels=scalar` | scalar | 0 | " + FMA
                + " | 3 | 64 | 1 | 0 | A.dotScalar |", lines.get(2));
        assertEquals("| default | `--add-modules=jdk.incubator.vector` | vector512 | 512 | " + FMA
                + " | 3 | 64 | 5 | 0 | 4 methods in 3 classes |", lines.get(3));
        assertEquals("| default | none | scalar | 0 | " + FMA + " | 3 | 64 | 1 | 1 | B.sigmoidVector |", lines.get(4));
        assertTrue(ForkRecords.section(records).startsWith("## What each fork ran with\n"));
        assertTrue(ForkRecords.section(List.of()).contains("No fork wrote a record."));
    }
}
