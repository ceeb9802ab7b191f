package dev.lanewise.kernels.internal.vector;

/**
 * Sum of logarithms as the logarithm of one product: one {@link Math#log} per call instead of one per
 * row, which for narrow softmax rows would cost about as much as the rest of the row. The factors are
 * softmax row sums, at least 1 (the largest element contributes exp(0) = 1) and at most the column count,
 * so the double product only grows; its binary exponent is moved out before it could overflow. Each
 * multiplication rounds once in double, so k factors give a relative error under k * 2^-53: far below
 * float resolution for any row count. A NaN factor makes the result NaN.
 *
 * <p>A mutable value kept in two locals by its caller (product, exponent), not an object: escape analysis
 * did not always remove the object, and the kernel then allocated on every call.
 */
final class LossLogProduct {
    private LossLogProduct() {}

    /** Above this the product hands 2^512 over to the exponent. */
    static final double RESCALE_ABOVE = 0x1p512;
    static final double RESCALE_BY = 0x1p-512;
    static final int RESCALE_BITS = 512;
    private static final double LN2 = 0.6931471805599453;

    /** log(product * 2^exponent). */
    static double log(double product, long exponent) {
        return Math.log(product) + exponent * LN2;
    }
}
