package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/** Two real forks of the cheapest cold-start method, a few calls each: every fork's every call comes back. */
class ColdStartRunTest {

    @BeforeAll
    static void allowJmhBesideOthers() {
        // Other JMH runs on this machine hold JMH's lock file; this run measures nothing that matters.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void eachForksCallTimesAndRecordComeBack(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out/cold.json");
        ColdStartRun.Result result = ColdStartRun.run(json, 2, 30, "dotScalar");
        assertEquals(1, result.runs().size());
        ColdStartSection.Runs runs = result.runs().get(0);
        assertEquals("dot", runs.kernel());
        assertEquals("Scalar", runs.variant());
        assertEquals(2, runs.microsPerCall().size(), "one series per fork");
        for (double[] fork : runs.microsPerCall()) {
            assertEquals(30, fork.length);
            for (double t : fork) {
                assertTrue(t > 0, "a call took no time?");
            }
        }
        assertEquals(List.of(), runs.warmUpMillis());
        assertEquals(2, result.forks().size());
        assertTrue(result.forks().stream().allMatch(ForkRecord::ran));
        assertTrue(Files.readString(json).contains("\"mode\" : \"ss\""));
        String section = ColdStartSection.render(result.runs());
        assertTrue(section.contains("| dot 4096 | scalar |"), section);
    }

    @Test
    void benchsDefaultIncludeDoesNotPickTheColdStartCallsUp() throws Exception {
        List<String> names;
        // JMH's own list of this jar's benchmarks (BENCHMARK_LIST starts with its slash).
        try (InputStream in = ColdStartRunTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            names = BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername).toList();
        }
        assertTrue(names.stream().anyMatch(n -> n.startsWith(ColdStartCalls.class.getName() + ".")), names::toString);
        Pattern benchDefault = Pattern.compile("Benchmark");
        assertTrue(names.stream().filter(n -> benchDefault.matcher(n).find()).noneMatch(n -> n.contains("ColdStart")));
    }

    @Test
    void refusesArgumentsThatMakeNoRun(@TempDir Path dir) {
        Path json = dir.resolve("cold.json");
        assertEquals("forks must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> ColdStartRun.run(json, 0, 10, ".*")).getMessage());
        assertEquals("calls must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> ColdStartRun.run(json, 1, 0, ".*")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColdStartRun.run(json, 1, 1, "("));
    }
}
