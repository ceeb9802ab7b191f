package dev.lanewise.harness.support;

/** Sums whose own rounding is negligible against a float forward error bound, for use as the exact value. */
public final class ReferenceSums {
    private ReferenceSums() {}

    /**
     * Neumaier's compensated sum in double: error about 2^-53 |sum| + n^2 2^-106 sum|t_i|, far below the
     * float bounds it is compared with (products of floats are exact in double, so dot terms are too).
     */
    public static double sum(double[] terms) {
        double sum = 0;
        double compensation = 0;
        for (double t : terms) {
            double s = sum + t;
            compensation += Math.abs(sum) >= Math.abs(t) ? (sum - s) + t : (t - s) + sum;
            sum = s;
        }
        return sum + compensation;
    }

    /** sum |t_i| in double (all terms of one sign: relative error at most n 2^-53). */
    public static double absSum(double[] terms) {
        double sum = 0;
        for (double t : terms) {
            sum += Math.abs(t);
        }
        return sum;
    }
}
