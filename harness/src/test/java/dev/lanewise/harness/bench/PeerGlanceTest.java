package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's first table, on hand-made measurements whose ratios are known in closed form. */
class PeerGlanceTest {

    private static Measurement m(String method, double ns, double error) {
        return new Measurement("BlasBenchmark", method, Map.of("size", "4096"), FeatureLevel.DEFAULT, ns, error,
                new Work(4096, 8192, 32768));
    }

    @Test
    void aRowShowsTheSpeedupOverEachPeerWithItsPropagatedError() {
        // lanewise 100 ± 3 ns; C 200 ± 4 ns: speedup 2, error 2 * hypot(0.03, 0.02) = 0.0721...
        String section = PeerGlance.section(List.of(m("dotVector", 100, 3), m("dotC", 200, 4), m("dotOpenBlas", 50, 1),
                m("dotPlainJava", 400, 0)));
        String row = section.lines().filter(l -> l.startsWith("| dot |")).findFirst().orElseThrow();
        assertEquals("| dot | size=4096 | 81.9 GFLOPS | 2.00x ± 0.07 | 0.50x ± 0.02 |  | 4.00x ± 0.12 |", row);
    }

    @Test
    void kernelsWithoutANativePeerAreLeftOut() {
        assertEquals("", PeerGlance.section(List.of(m("dotVector", 100, 3), m("dotScalar", 300, 3))));
        String section = PeerGlance.section(List.of(m("dotVector", 100, 3), m("dotC", 100, 3),
                m("axpyVector", 100, 3), m("axpyScalar", 100, 3)));
        assertTrue(section.contains("| dot |"), section);
        assertTrue(section.lines().noneMatch(l -> l.startsWith("| axpy |")), section);
    }
}
