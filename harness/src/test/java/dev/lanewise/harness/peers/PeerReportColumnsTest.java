package dev.lanewise.harness.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.bench.FeatureLevel;
import dev.lanewise.harness.bench.Measurement;
import dev.lanewise.harness.bench.Tables;
import dev.lanewise.harness.bench.Work;
import dev.lanewise.harness.bench.peers.NativePeerGuard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report row's lanewise / C and lanewise / OpenBLAS columns, and the threads an OpenBLAS method gets. */
class PeerReportColumnsTest {

    @Test
    void lanewisesLineShowsItsSpeedupOverEachPeerWithThePropagatedError() {
        // lanewise 100 ± 1 ns, C 200 ± 2 ns, OpenBLAS 50 ± 1 ns: 2.00x ± 2*sqrt(0.01^2 + 0.01^2) = 0.028,
        // and 0.50x ± 0.5*sqrt(0.01^2 + 0.02^2) = 0.011.
        List<Measurement> measured = List.of(dot("dotVector", 100, 1), dot("dotC", 200, 2), dot("dotOpenBlas", 50, 1),
                dot("dotOpenBlasAllCores", 40, 1));
        String table = Tables.implementationTable(Tables.rows(measured));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).endsWith("| lanewise speedup | lanewise / C | lanewise / OpenBLAS |"), lines.get(0));
        assertEquals(11, lines.get(1).split("\\|", -1).length - 2, "eleven columns: " + lines.get(1));
        assertEquals(List.of("Vector", "", "2.00x ± 0.03", "0.50x ± 0.01"), cells(lines.get(2), 3, 8, 9, 10));
        // The peers' own lines carry lanewise's speedup over them in the usual column, and no peer columns.
        assertEquals(List.of("C", "2.00x ± 0.03", "", ""), cells(lines.get(3), 3, 8, 9, 10));
        assertEquals(List.of("OpenBlasAllCores", "0.40x ± 0.01", "", ""), cells(lines.get(5), 3, 8, 9, 10));
    }

    @Test
    void aRowWithoutPeersLeavesTheirColumnsEmpty() {
        String table = Tables.implementationTable(Tables.rows(List.of(dot("dotVector", 100, 1), dot("dotScalar", 300, 3))));
        assertEquals(List.of("", ""), cells(table.lines().toList().get(2), 9, 10));
    }

    @Test
    void openBlasThreadsAreAllCoresTheThreadsParameterOrOne() {
        assertEquals(16, NativePeerGuard.openBlasThreads("OpenBlasAllCores", null, 16));
        assertEquals(16, NativePeerGuard.openBlasThreads("OpenBlasAllCores", "2", 16));
        assertEquals(2, NativePeerGuard.openBlasThreads("OpenBlas", "2", 16));
        assertEquals(1, NativePeerGuard.openBlasThreads("OpenBlas", null, 16));
    }

    private static Measurement dot(String method, double ns, double error) {
        return new Measurement("BlasBenchmark", method, Map.of("size", "4096"), FeatureLevel.DEFAULT, ns, error,
                new Work(4096, 8192, 32768));
    }

    /** The trimmed cells at the given column indexes (0 = benchmark). */
    private static List<String> cells(String line, int... columns) {
        String[] parts = line.split("\\|", -1);
        return java.util.Arrays.stream(columns).mapToObj(c -> parts[c + 1].trim()).toList();
    }
}
