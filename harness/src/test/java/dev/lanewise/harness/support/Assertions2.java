package dev.lanewise.harness.support;

import static org.junit.jupiter.api.Assertions.fail;

/** Comparisons that report the first differing index with both values and their bit patterns. */
public final class Assertions2 {
    private Assertions2() {}

    /** Every element identical, bit for bit (all NaNs count as one value; +0 and -0 differ). */
    public static void assertSameBits(float[] expected, float[] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": lengths differ, " + expected.length + " vs " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + ": element " + i + " differs: expected " + describe(expected[i]) + ", was " + describe(actual[i]));
            }
        }
    }

    /** Identical bits for one value. */
    public static void assertSameBits(float expected, float actual, String what) {
        if (Float.floatToIntBits(expected) != Float.floatToIntBits(actual)) {
            fail(what + ": expected " + describe(expected) + ", was " + describe(actual));
        }
    }

    /** Every element within {@code maxUlps}; NaN only where the other is NaN. */
    public static void assertWithinUlps(float[] expected, float[] actual, long maxUlps, String what) {
        if (expected.length != actual.length) {
            fail(what + ": lengths differ, " + expected.length + " vs " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            long d = Ulps.distance(expected[i], actual[i]);
            if (d > maxUlps) {
                fail(what + ": element " + i + " is " + (d == Long.MAX_VALUE ? "NaN against a number" : d + " ulps")
                        + " apart (allowed " + maxUlps + "): expected " + describe(expected[i]) + ", was " + describe(actual[i]));
            }
        }
    }

    /** A float with its hex bits, so that -0 and NaN payloads are visible. */
    public static String describe(float f) {
        return f + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
    }
}
