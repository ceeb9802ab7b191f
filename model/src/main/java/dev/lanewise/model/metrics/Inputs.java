package dev.lanewise.model.metrics;

import java.util.Objects;

/** Argument checks shared by the metrics; each message names the argument and the offending value. */
final class Inputs {
    private Inputs() {
    }

    /** {@code n >= 1} and {@code [offset, offset + n)} inside {@code length}. */
    static void range(String name, int length, int offset, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 (a metric of no samples is undefined), was " + n);
        }
        if (offset < 0 || offset > length - n) {
            throw new IllegalArgumentException(name + ": offset " + offset + " + n " + n + " is outside its length "
                    + length);
        }
    }

    /** Whole arrays of the same, non-zero length; returns that length. */
    static int sameLength(String a, int aLength, String b, int bLength) {
        if (aLength != bLength) {
            throw new IllegalArgumentException(a + " and " + b + " must have the same length, had " + aLength + " and "
                    + bLength);
        }
        if (aLength == 0) {
            throw new IllegalArgumentException(a + " and " + b + " must not be empty");
        }
        return aLength;
    }

    static void noNaN(String name, float[] x, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            if (Float.isNaN(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
        }
    }

    /** Labels in {@code [0, numClasses)}; {@code numClasses} is {@link Integer#MAX_VALUE} for "any >= 0". */
    static void labels(String name, int[] y, int offset, int n, int numClasses) {
        for (int i = offset; i < offset + n; i++) {
            if (y[i] < 0 || y[i] >= numClasses) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + y[i] + " is not a class label in [0, "
                        + (numClasses == Integer.MAX_VALUE ? "+inf" : numClasses) + ")");
            }
        }
    }

    static void probabilities(String name, float[] p, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + p[i] + " is not a probability in [0, 1]");
            }
        }
    }

    static <T> T notNull(T x, String name) {
        return Objects.requireNonNull(x, name);
    }
}
