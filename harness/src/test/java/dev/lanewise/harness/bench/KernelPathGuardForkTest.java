package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lanewise.kernels.Kernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A real JMH fork of {@code ActivationBenchmark.sigmoidVector} (its smallest size, one 10 ms iteration): without
 * the Vector API module, as {@code -jvmArgsAppend} leaves it, the guard fails the run with its message; with the
 * module the fork runs, and each fork leaves a record of what it ran with.
 */
class KernelPathGuardForkTest {
    private static final String SIGMOID_VECTOR = "dev.lanewise.harness.bench.ActivationBenchmark.sigmoidVector";

    @BeforeAll
    static void allowJmhBesideOthers() {
        // Other JMH runs on this machine hold JMH's lock file; this run measures nothing that matters.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void aVectorMethodInAForkWithoutTheModuleFailsWithTheGuardsMessageAndAForkWithItRuns(@TempDir Path dir)
            throws Exception {
        assumeTrue(Kernels.choice().provider().vectorBitSize() > 0,
                "this JVM takes the scalar path (" + Kernels.choice().reason() + "), so no fork can run the vector one");
        Path records = dir.resolve("forks");

        // -jvmArgsAppend given, the class's @Fork(jvmArgsAppend) with its --add-modules is dropped: the bug.
        Path badLog = dir.resolve("bad.log");
        ChainedOptionsBuilder bad = tinyRun(badLog)
                .jvmArgs("-Xmx256m", "-D" + ForkRecord.FOLDER_PROPERTY + "=" + records)
                .jvmArgsAppend("-Dlanewise.test.appended=true");
        assertThrows(RunnerException.class, () -> new Runner(bad.build()).run());
        String log = Files.readString(badLog);
        assertTrue(log.contains("java.lang.IllegalStateException: " + SIGMOID_VECTOR + " measures the production kernels"),
                log);
        assertTrue(log.contains("-jvmArgsAppend"), log);

        Path goodLog = dir.resolve("good.log");
        ChainedOptionsBuilder good = tinyRun(goodLog)
                .jvmArgs("-Xmx256m", "-D" + ForkRecord.FOLDER_PROPERTY + "=" + records)
                .jvmArgsAppend("--add-modules=jdk.incubator.vector");
        Collection<RunResult> results = new Runner(good.build()).run();
        assertEquals(1, results.size(), Files.readString(goodLog));

        List<ForkRecord> forks = ForkRecords.load(records);
        assertEquals(2, forks.size(), forks.toString());
        ForkRecord refused = forks.stream().filter(r -> !r.ran()).findFirst().orElseThrow();
        ForkRecord ran = forks.stream().filter(ForkRecord::ran).findFirst().orElseThrow();
        assertEquals(SIGMOID_VECTOR, refused.benchmark());
        assertEquals("size=4096", refused.params());
        assertEquals("scalar", refused.path());
        assertFalse(refused.levelFlags().stream().anyMatch(f -> f.startsWith("--add-modules")), refused.toString());
        assertEquals(Kernels.preferredVectorBits().orElseThrow(), ran.bits());
        assertEquals("vector" + ran.bits(), ran.path());
        assertTrue(ran.levelFlags().contains("--add-modules=jdk.incubator.vector"), ran.toString());
        assertTrue(ran.fma().startsWith("on (") || ran.fma().startsWith("off ("), ran.fma());
        assertEquals(List.of(), ran.levelFlags().stream().filter(f -> f.contains("forkRecords")).toList());

        String table = ForkRecords.table(forks);
        assertEquals(4, table.lines().count(), table);  // header, rule, one row per configuration
        assertTrue(table.contains("| default | `-Dlanewise.test.appended=true` | scalar | 0 |"), table);
    }

    /** One fork of sigmoidVector at 4096 elements: no warmup, one iteration of 10 ms, its output in {@code log}. */
    private static ChainedOptionsBuilder tinyRun(Path log) {
        return new OptionsBuilder()
                .include(SIGMOID_VECTOR + "$")
                .param("size", "4096")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(10))
                .shouldFailOnError(true)
                .output(log.toString());
    }
}
