package dev.lanewise.harness.losses;

import static dev.lanewise.harness.support.Assertions2.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lanewise.harness.support.Ulps;

/** The mean-of-terms contract of {@link dev.lanewise.kernels.loss.LossKernels}, and small float helpers. */
final class LossAssertions {
    private LossAssertions() {}

    static final double U = Ulps.U;
    static final double MIN_SUBNORMAL = Float.MIN_VALUE;

    /**
     * Both means of the terms agree as the javadoc says. NaN in (or +Inf and -Inf terms) gives NaN from both;
     * an infinite term gives that infinity from both unless the terms of the other sign could overflow; where
     * no partial sum can overflow both are finite; a finite pair lies within
     * {@code relative * sum|t_i| / n + absolute}.
     */
    static void assertMeansAgree(double[] terms, float scalar, float vector, double relative, double absolute, String what) {
        int n = terms.length;
        String both = what + ": scalar " + describe(scalar) + ", vector " + describe(vector) + " (n = " + n + ")";
        if (n == 0) {
            assertTrue(Float.isNaN(scalar) && Float.isNaN(vector), both + ", the mean of nothing is NaN");
            return;
        }
        boolean nan = false;
        boolean posInf = false;
        boolean negInf = false;
        double absSum = 0;
        double positiveSum = 0;
        double negativeSum = 0;
        for (double t : terms) {
            nan |= Double.isNaN(t);
            posInf |= t == Double.POSITIVE_INFINITY;
            negInf |= t == Double.NEGATIVE_INFINITY;
            absSum += Math.abs(t);
            if (t > 0) {
                positiveSum += t;
            } else {
                negativeSum -= t;
            }
        }
        if (nan || (posInf && negInf)) {
            assertTrue(Float.isNaN(scalar) && Float.isNaN(vector), both + ", expected NaN from both");
            return;
        }
        double slack = 1 + 2 * Ulps.gamma(Math.max(n, 1));
        if (posInf || negInf) {
            double opposite = posInf ? negativeSum : positiveSum;
            if (opposite * slack < Float.MAX_VALUE) {
                float inf = posInf ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                assertEquals(inf, scalar, both);
                assertEquals(inf, vector, both);
            } else {
                assertTrue(!Float.isFinite(scalar) && !Float.isFinite(vector), both + ", expected non-finite from both");
            }
            return;
        }
        if (absSum * slack < Float.MAX_VALUE) {
            assertTrue(Float.isFinite(scalar) && Float.isFinite(vector), both + ", but no partial sum can overflow");
        }
        if (Float.isFinite(scalar) && Float.isFinite(vector)) {
            double bound = relative * absSum / n + absolute;
            double error = Math.abs((double) vector - scalar);
            assertTrue(error <= bound, both + ": |vector - scalar| = " + error + " exceeds the bound " + bound);
        }
    }

    /** |actual - expected| <= bound, NaN exactly where the other is NaN. */
    static void assertClose(float expected, float actual, double bound, String what) {
        if (Float.isNaN(expected) || Float.isNaN(actual)) {
            if (Float.isNaN(expected) != Float.isNaN(actual)) {
                fail(what + ": expected " + describe(expected) + ", was " + describe(actual) + " (NaN against a number)");
            }
            return;
        }
        if (expected == actual) {
            return; // also equal infinities
        }
        double error = Math.abs((double) actual - expected);
        if (!(error <= bound)) {
            fail(what + ": expected " + describe(expected) + ", was " + describe(actual) + ", |difference| = " + error
                    + " exceeds " + bound);
        }
    }

    /** The spacing of floats at |x| (ulp of the float nearest x); 2^-149 at zero. */
    static double ulp(double x) {
        return Math.ulp((float) Math.min(Math.abs(x), Float.MAX_VALUE));
    }
}
