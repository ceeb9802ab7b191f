package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The work the report reads from MachineLimitsBenchmark, and what its methods compute (no timing). */
class MachineLimitsBenchmarkTest {

    @Test
    void fmaPeakCountsTwoFlopsPerLanePerAccumulatorPerIteration() {
        // 2 flops x 16 lanes x 12 accumulators x 1024 iterations at 512 bits.
        assertEquals(new Work(0, 393_216, 0), MachineLimitsBenchmark.work("fmaPeak", Map.of("bits", "512")));
        assertEquals(new Work(0, 196_608, 0), MachineLimitsBenchmark.work("fmaPeak", Map.of("bits", "256")));
        assertEquals(new Work(0, 98_304, 0), MachineLimitsBenchmark.work("fmaPeak", Map.of("bits", "128")));
    }

    @Test
    void triadCountsTwoFlopsAndTwelveBytesPerElement() {
        assertEquals(new Work(1000, 2000, 12_000), MachineLimitsBenchmark.work("triad", Map.of("triadSize", "1000")));
        assertEquals(new Work(33_554_432, 67_108_864, 402_653_184),
                MachineLimitsBenchmark.work("triadAllThreads", Map.of("triadSize", "33554432")));
    }

    @Test
    void workRefusesUnknownMethodsAndWidths() {
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> MachineLimitsBenchmark.work("copy", Map.of("triadSize", "1")));
        assertTrue(method.getMessage().contains("copy"), method.getMessage());
        IllegalArgumentException bits = assertThrows(IllegalArgumentException.class,
                () -> MachineLimitsBenchmark.work("fmaPeak", Map.of("bits", "64")));
        assertTrue(bits.getMessage().contains("bits") && bits.getMessage().contains("64"), bits.getMessage());
    }

    @Test
    void fmaPeakConvergesAsTheClosedFormSays() {
        // Each chain is x <- 0.999 x + 0.001 from 0.5 + j: x_1024 = 1 + (x_0 - 1) 0.999^1024, summed over the
        // 12 chains (starts summing to 72) and over the 4 lanes of 128 bits.
        MachineLimitsBenchmark.FmaOperands operands = new MachineLimitsBenchmark.FmaOperands();
        operands.bits = 128;
        operands.setUp();
        double expected = 4 * (12 + (72 - 12) * Math.pow(0.999, 1024));
        float result = new MachineLimitsBenchmark().fmaPeak(operands);
        assertEquals(expected, result, 1e-3 * expected);
    }

    @Test
    void triadWritesBPlusScalarTimesCEverywhereTheTailIncluded() {
        MachineLimitsBenchmark.TriadArrays t = new MachineLimitsBenchmark.TriadArrays();
        t.triadSize = 1003;
        t.setUp();
        Arrays.fill(t.a, Float.NaN);
        float[] a = new MachineLimitsBenchmark().triad(t);
        assertArrayEquals(expectedTriad(t), a);
    }

    @Test
    void allThreadsTriadCoversEveryElementOnceAndStopsItsPool() throws Exception {
        MachineLimitsBenchmark.AllThreadsTriad t = new MachineLimitsBenchmark.AllThreadsTriad();
        t.triadSize = 1003;
        t.setUp();
        try {
            Arrays.fill(t.arrays.a, Float.NaN);
            float[] a = new MachineLimitsBenchmark().triadAllThreads(t);
            assertArrayEquals(expectedTriad(t.arrays), a);
        } finally {
            t.tearDown();
        }
        assertTrue(t.pool.isShutdown());
    }

    @Test
    void slicesStartOnCacheLinesAndCoverTheArray() throws Exception {
        MachineLimitsBenchmark.TriadArrays t = new MachineLimitsBenchmark.TriadArrays();
        t.triadSize = 1003;
        t.setUp();
        // 1003 over 3 threads: 335 rounded up to 336 (21 lines of 16 floats) per slice, the last one short.
        var slices = MachineLimitsBenchmark.slices(t, 3);
        assertEquals(3, slices.size());
        Arrays.fill(t.a, Float.NaN);
        slices.get(1).call();
        for (int i = 0; i < t.triadSize; i++) {
            assertEquals(i >= 336 && i < 672, !Float.isNaN(t.a[i]), "element " + i);
        }
    }

    private static float[] expectedTriad(MachineLimitsBenchmark.TriadArrays t) {
        float[] expected = new float[t.triadSize];
        for (int i = 0; i < t.triadSize; i++) {
            expected[i] = Math.fma(3f, t.c[i], t.b[i]);
        }
        return expected;
    }
}
