package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planned-run count a report's progress bar divides by, against BlasBenchmark's annotated sizes. */
class BenchmarkCatalogTest {
    private static final String DOT = "BlasBenchmark\\.dotVector$";

    @Test
    void eachParameterValueIsARun() {
        assertEquals(4, BenchmarkCatalog.plannedRuns(DOT, List.of(), Map.of())); // 4096, 64K, 1M, 16M
        assertEquals(2, BenchmarkCatalog.plannedRuns(DOT, List.of(), Map.of("size", new String[] {"4096", "65536"})));
        assertEquals(8, BenchmarkCatalog.plannedRuns("BlasBenchmark\\.dot(Vector|Scalar)$", List.of(), Map.of()));
    }

    @Test
    void excludedBenchmarksAreNotPlanned() {
        assertEquals(0, BenchmarkCatalog.plannedRuns(DOT, List.of("dotVector"), Map.of()));
        assertEquals(4, BenchmarkCatalog.plannedRuns("BlasBenchmark\\.dot(Vector|Scalar)$", List.of("Scalar$"), Map.of()));
    }
}
