package dev.lanewise.kernels.internal;

import java.util.Objects;

/**
 * Argument checks shared by the checking layer ({@code Checked*}) and the facades' whole-array overloads.
 * Each failure names the argument and the value: {@link NullPointerException} for a null argument (as the
 * JDK and netlib do), {@link IndexOutOfBoundsException} for a range outside its array,
 * {@link IllegalArgumentException} for anything else. Every caller runs all of its checks before the first
 * write, so a refused call leaves its outputs untouched.
 */
public final class Check {
    private Check() {}

    /** Refuses a negative length. */
    public static void length(String name, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + n);
        }
    }

    /** Refuses a length below {@code min}. */
    public static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    /** Refuses a null argument with a {@link NullPointerException} whose message is its name. */
    public static <T> T notNull(String name, T value) {
        return Objects.requireNonNull(value, name);
    }

    /** The common length of two arrays; refuses null and different lengths. */
    public static int sameLength(String aName, float[] a, String bName, float[] b) {
        notNull(aName, a);
        notNull(bName, b);
        requireLength(aName, a.length, bName, b.length);
        return a.length;
    }

    /** The common length of three arrays; refuses null and different lengths, naming the first pair that differs. */
    public static int sameLength(String aName, float[] a, String bName, float[] b, String cName, float[] c) {
        notNull(aName, a);
        notNull(bName, b);
        notNull(cName, c);
        requireLength(aName, a.length, bName, b.length);
        requireLength(aName, a.length, cName, c.length);
        return a.length;
    }

    /**
     * Refuses an array whose length is not {@code length}, the length of {@code referenceName}. A null array
     * passes: it is an optional buffer here, which the range checks refuse where it is needed.
     */
    public static void sameLengthIfPresent(String name, float[] array, String referenceName, int length) {
        if (array != null && array.length != length) {
            throw new IllegalArgumentException(
                    name + " must have " + referenceName + "'s length " + length + ", had " + array.length);
        }
    }

    private static void requireLength(String aName, int aLength, String bName, int bLength) {
        if (aLength != bLength) {
            throw new IllegalArgumentException(
                    aName + " and " + bName + " must have one length, were " + aLength + " and " + bLength);
        }
    }

    /** Checks that {@code array[offset, offset + n)} exists; {@code n} must already be checked. */
    public static void range(String name, float[] array, int offset, int n) {
        notNull(name, array);
        checkRange(name, array.length, offset, n);
    }

    /** Checks that {@code array[offset, offset + n)} exists; {@code n} must already be checked. */
    public static void range(String name, int[] array, int offset, int n) {
        notNull(name, array);
        checkRange(name, array.length, offset, n);
    }

    private static void checkRange(String name, int length, int offset, int n) {
        if (offset < 0) {
            throw new IndexOutOfBoundsException(name + " offset must be >= 0, was " + offset);
        }
        if ((long) offset + n > length) {
            throw new IndexOutOfBoundsException(
                    name + ": offset " + offset + " + length " + n + " exceeds its length " + length);
        }
    }

    /** Checks that a row-major {@code rows x cols} matrix with leading dimension {@code ld} fits. */
    public static void matrix(String name, float[] array, int offset, int rows, int cols, int ld) {
        notNull(name, array);
        // Not length(name + " rows", rows): the name would be concatenated on every call, and where C2 did
        // not inline this method, that allocated a String in every training step.
        if (rows < 0) {
            throw new IllegalArgumentException(name + " rows must be >= 0, was " + rows);
        }
        if (cols < 0) {
            throw new IllegalArgumentException(name + " cols must be >= 0, was " + cols);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(
                    name + " leading dimension must be >= max(1, cols = " + cols + "), was " + ld);
        }
        if (offset < 0) {
            throw new IndexOutOfBoundsException(name + " offset must be >= 0, was " + offset);
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) offset + (long) (rows - 1) * ld + cols;
        if (last > array.length) {
            throw new IndexOutOfBoundsException(name + ": " + rows + "x" + cols + " matrix at offset " + offset
                    + " with leading dimension " + ld + " needs " + last + " elements, has " + array.length);
        }
    }

    /** Refuses a value that is NaN or infinite. */
    public static void finite(String name, float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }
}
