package dev.lanewise.harness.support;

/** Distances between floats in units in the last place, and the forward error bounds of summation. */
public final class Ulps {
    private Ulps() {}

    /** The float unit roundoff, 2^-24. */
    public static final double U = 0x1p-24;

    /**
     * How many representable floats lie between {@code a} and {@code b}: 0 for equal values (and for +0
     * against -0), 0 for two NaNs, {@link Long#MAX_VALUE} for a NaN against a number.
     */
    public static long distance(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        }
        return Math.abs(ordered(a) - ordered(b));
    }

    /** Maps floats onto longs so that consecutive floats map to consecutive integers. */
    private static long ordered(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits < 0 ? (long) Integer.MIN_VALUE - bits : bits;
    }

    /** gamma(n) = n*u / (1 - n*u): the relative error bound of an n-term recursive float sum. */
    public static double gamma(int n) {
        double nu = n * U;
        if (nu >= 1) {
            throw new IllegalArgumentException("gamma(n) is undefined for n*u >= 1, n was " + n);
        }
        return nu / (1 - nu);
    }
}
