package dev.lanewise.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ColdStartTest {

    /** {@code count} calls of {@code time} each, then the next segment's. */
    private static double[] series(double... countTimePairs) {
        double[] all = new double[0];
        for (int p = 0; p < countTimePairs.length; p += 2) {
            int count = (int) countTimePairs[p];
            double[] segment = new double[count];
            Arrays.fill(segment, countTimePairs[p + 1]);
            double[] joined = Arrays.copyOf(all, all.length + count);
            System.arraycopy(segment, 0, joined, all.length, count);
            all = joined;
        }
        return all;
    }

    @Test
    void aSlowStartThenAFastPlateauIsSteadyAtTheFirstFastCall() {
        ColdStart c = ColdStart.of(series(100, 100.0, 900, 1.0));
        assertEquals(new ColdStart(1000, 100, 1, 100, 10_000, 10_900, true), c);
    }

    @Test
    void aConstantSeriesIsSteadyFromItsFirstCall() {
        ColdStart c = ColdStart.of(series(50, 3.0));
        assertEquals(new ColdStart(50, 3, 3, 0, 0, 150, true), c);
    }

    @Test
    void loneSlowCallsInTheSteadyPhaseDoNotEndIt() {
        double[] t = series(200, 40.0, 800, 2.0);
        for (int k = 250; k < t.length; k += 50) {
            t[k] = 30;  // a GC pause every 50 calls
        }
        ColdStart c = ColdStart.of(t);
        assertEquals(200, c.callsToSteady());
        assertEquals(200 * 40.0, c.timeToSteady());
        assertEquals(2.0, c.steady());
    }

    @Test
    void twoSlowCallsInAWindowAreToleratedAndThreeAreNot() {
        double[] two = series(1000, 1.0);
        two[500] = 9;
        two[510] = 9;
        assertEquals(0, ColdStart.of(two).callsToSteady());
        double[] three = two.clone();
        three[515] = 9;
        // Windows from 496 to 500 hold all three; the steady phase starts after the last, at the first fast call.
        assertEquals(501, ColdStart.of(three).callsToSteady());
        assertEquals(500 * 1.0 + 9, ColdStart.of(three).timeToSteady());
    }

    @Test
    void aShortFastBurstInsideTheSlowPhaseIsNotTheSteadyPhase() {
        // Boxed code, a few fast calls (an OSR compilation that is thrown away), boxed again, then compiled.
        ColdStart c = ColdStart.of(series(50, 80.0, 5, 1.0, 50, 60.0, 500, 1.0));
        assertEquals(105, c.callsToSteady());
        assertEquals(50 * 80.0 + 5 * 1.0 + 50 * 60.0, c.timeToSteady());
    }

    @Test
    void aSeriesThatEndsInSlowCallsNeverReachedSteady() {
        double[] t = series(300, 1.0, 25, 5.0);
        ColdStart c = ColdStart.of(t);
        assertEquals(1.0, c.steady());  // the median of the last 65 calls: 40 of them fast
        assertFalse(c.reached());
        assertEquals(t.length, c.callsToSteady());
        assertEquals(300 + 25 * 5.0, c.timeToSteady());
        assertEquals(c.total(), c.timeToSteady());
    }

    @Test
    void aSeriesShorterThanTheWindowUsesItsLengthAsTheWindowAndToleratesNoSlowCall() {
        ColdStart c = ColdStart.of(new double[] {9, 9, 1, 1, 1});
        assertEquals(1.0, c.steady());
        assertEquals(2, c.callsToSteady());
        assertEquals(18.0, c.timeToSteady());
        assertEquals(9.0, c.firstCall());
        assertTrue(c.reached());
        assertEquals(0, ColdStart.of(new double[] {7}).callsToSteady());
    }

    @Test
    void theSteadyTimeIsTheMedianOfTheLastFifth() {
        // 10 calls: the last 2 are 4 and 6, so the median is 5; 7.5 and below are fast.
        ColdStart c = ColdStart.of(new double[] {100, 7.5, 7.6, 1, 1, 1, 1, 1, 4, 6});
        assertEquals(5.0, c.steady());
        // One window of 10 tolerating 1 slow call: 100 and 7.6 are two, so it starts after window 0, at call 1.
        assertEquals(1, c.callsToSteady());
    }

    @Test
    void refusesAnEmptySeriesAndTimesThatAreNoTimes() {
        assertThrows(IllegalArgumentException.class, () -> ColdStart.of(new double[0]));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ColdStart.of(new double[] {1, Double.NaN}));
        assertEquals("times[1] must be finite and >= 0, was NaN", nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColdStart.of(new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> ColdStart.of(new double[] {Double.POSITIVE_INFINITY}));
    }
}
