package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading JMH's JSON files: names, parameters, units, throughput, missing errors and the level of the forks. */
class JmhResultsTest {

    static Path fixture(String name) throws Exception {
        return Path.of(JmhResultsTest.class.getResource("/compare/" + name).toURI());
    }

    @Test
    void readsEachPrimaryMetricWithItsClassMethodParamsAndLevel() throws Exception {
        List<JmhResult> old = JmhResults.read(fixture("old/blas-default.json"));
        assertEquals(7, old.size(), "one result per benchmark, the profiler's secondary metric left out");
        JmhResult dot = old.get(0);
        assertEquals("BlasBenchmark", dot.benchmark());
        assertEquals("dotVector", dot.method());
        assertEquals(Map.of("size", "1024"), dot.params());
        assertEquals(FeatureLevel.DEFAULT, dot.level());
        assertEquals(100.0, dot.nsPerOp());
        assertEquals(1.0, dot.nsError());
    }

    @Test
    void convertsMicrosecondsToNanoseconds() throws Exception {
        JmhResult axpy = JmhResults.read(fixture("old/blas-default.json")).get(3);
        assertEquals("us/op", axpy.scoreUnit());
        assertEquals(1000.0, axpy.nsPerOp(), 1e-9);
        assertEquals(10.0, axpy.nsError(), 1e-9);
    }

    @Test
    void invertsThroughputIntoTimePerOperation() throws Exception {
        JmhResult step = JmhResults.read(fixture("old/blas-default.json")).get(4);
        assertEquals("thrpt", step.mode());
        assertTrue(step.isThroughput());
        // 2000 ops/s is 1e9 / 2000 = 500 000 ns per op; the 1% relative error stays 1%.
        assertEquals(500_000.0, step.nsPerOp(), 1e-6);
        assertEquals(5_000.0, step.nsError(), 1e-6);
        assertEquals(2.0, new JmhResult("B", "m", Map.of(), FeatureLevel.DEFAULT, "thrpt", 500, 0, "ops/us").nsPerOp(), 1e-12);
        assertEquals(60e9 / 3, new JmhResult("B", "m", Map.of(), FeatureLevel.DEFAULT, "thrpt", 3, 0, "ops/min").nsPerOp(), 1e-3);
        assertEquals(2.5e6, new JmhResult("B", "m", Map.of(), FeatureLevel.DEFAULT, "ss", 2.5, 0, "ms/op").nsPerOp());
    }

    @Test
    void aMissingErrorWrittenAsTheStringNaNIsNaN() throws Exception {
        JmhResult gemm = JmhResults.read(fixture("old/blas-default.json")).get(5);
        assertTrue(Double.isNaN(gemm.scoreError()));
        assertTrue(Double.isNaN(gemm.nsError()));
    }

    @Test
    void theForksFlagsGiveTheLevelBeforeTheFileName() throws Exception {
        assertEquals(FeatureLevel.V128, JmhResults.read(fixture("old/blas-vector128.json")).get(0).level());
        // Flags decide over the name; where they show no level, the name's suffix decides; else default.
        assertEquals(FeatureLevel.SSE, only("[" + entry("\"-XX:UseAVX=0\", \"-Dlanewise.fma=false\", \"-Dlanewise.kernels=vector\"") + "]", "x-default.json").level());
        assertEquals(FeatureLevel.AVX2, only("[" + entry("\"-XX:UseAVX=2\"") + "]", "x.json").level());
        assertEquals(FeatureLevel.SCALAR, only("[" + entry("\"-Dlanewise.kernels=scalar\"") + "]", "x.json").level());
        assertEquals(FeatureLevel.V256, only("[" + entry("\"-Xmx2g\"") + "]", "gemm-vector256.json").level());
        assertEquals(FeatureLevel.DEFAULT, only("[" + entry("\"-Xmx2g\"") + "]", "gemm-peers.json").level());
    }

    @Test
    void refusesWhatJmhDidNotWriteWithTheFileInTheMessage() {
        IllegalArgumentException notArray = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parse("{\"runs\": []}", "linear.json"));
        assertEquals("linear.json is not a JMH result file: JMH writes a JSON array of benchmark results, "
                + "this file holds an object", notArray.getMessage());
        IllegalArgumentException noMetric = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parse("[{\"benchmark\": \"a.B.m\"}]", "r.json"));
        assertEquals("r.json, result 1 (a.B.m) has no primaryMetric", noMetric.getMessage());
        IllegalArgumentException badUnit = assertThrows(IllegalArgumentException.class, () -> JmhResults.parse(
                "[{\"benchmark\": \"a.B.m\", \"primaryMetric\": {\"score\": 1, \"scoreError\": 0, \"scoreUnit\": \"B/op\"}}]",
                "r.json"));
        assertTrue(badUnit.getMessage().startsWith("r.json, result 1 (a.B.m): scoreUnit must be a time per operation"),
                badUnit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JmhResults.parse("[1, 2", "cut.json"));
    }

    private static JmhResult only(String json, String fileName) {
        List<JmhResult> results = JmhResults.parse(json, fileName);
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static String entry(String extraJvmArgs) {
        return "{\"benchmark\": \"dev.lanewise.harness.bench.BlasBenchmark.dotVector\", \"mode\": \"avgt\", "
                + "\"jvmArgs\": [\"--add-modules=jdk.incubator.vector\", " + extraJvmArgs + "], "
                + "\"params\": {\"size\": \"64\"}, "
                + "\"primaryMetric\": {\"score\": 10.0, \"scoreError\": 1.0, \"scoreUnit\": \"ns/op\"}}";
    }
}
