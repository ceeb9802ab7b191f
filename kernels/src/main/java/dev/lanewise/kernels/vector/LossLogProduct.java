package dev.lanewise.kernels.vector;

/**
 * Sum of logarithms as the logarithm of one product: one {@link Math#log} per call instead of one per
 * row, which for narrow softmax rows would cost about as much as the rest of the row. The factors are
 * softmax row sums, at least 1 (the largest element contributes exp(0) = 1) and at most the column count,
 * so the double product only grows; its binary exponent is moved out before it could overflow. Each
 * multiplication rounds once in double, so k factors give a relative error under k * 2^-53: far below
 * float resolution for any row count.
 */
final class LossLogProduct {
    private static final double RESCALE_ABOVE = 0x1p512;
    private static final double LN2 = 0.6931471805599453;

    private double product = 1;
    private long exponent;

    /** Multiplies in one positive factor; a NaN factor makes the result NaN. */
    void multiply(float factor) {
        product *= factor;
        if (product > RESCALE_ABOVE) {
            product *= 0x1p-512;
            exponent += 512;
        }
    }

    /** The sum of the logarithms of every factor so far. */
    double log() {
        return Math.log(product) + exponent * LN2;
    }
}
