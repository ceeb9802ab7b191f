package dev.lanewise.harness.blas;

import static dev.lanewise.harness.support.Assertions2.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanewise.harness.support.ReferenceSums;
import dev.lanewise.harness.support.Ulps;

/**
 * The Euclidean norm in double, as the reference for {@code nrm2}: a float squared neither overflows nor
 * underflows in double, and the compensated sum makes the double result accurate far below a float ulp, so
 * a correct nrm2 (one double sum rounded once) lies within 1 ulp of it rounded to float.
 */
final class Nrm2Reference {
    private Nrm2Reference() {}

    static double norm(int n, float[] x, int offset) {
        double[] squares = new double[n];
        for (int i = 0; i < n; i++) {
            double v = x[offset + i];
            squares[i] = v * v;
        }
        return Math.sqrt(ReferenceSums.sum(squares));
    }

    /** {@code actual} is within 1 ulp of the reference norm of {@code x[offset, offset + n)} rounded to float. */
    static void assertWithinOneUlp(int n, float[] x, int offset, float actual, String what) {
        float expected = (float) norm(n, x, offset);
        long ulps = Ulps.distance(expected, actual);
        assertTrue(ulps <= 1, what + ": reference " + describe(expected) + ", got " + describe(actual) + ", "
                + (ulps == Long.MAX_VALUE ? "NaN" : ulps + " ulps") + " apart");
    }
}
