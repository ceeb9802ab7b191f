package dev.lanewise.harness.bench.peers;

import java.util.Objects;

/**
 * The checks every native call makes before it passes an array: native code reads and writes wherever it is
 * told, so a bad length would corrupt the heap or crash the JVM instead of throwing.
 */
final class NativeBounds {
    private NativeBounds() {}

    /** {@code n >= 0}. */
    static int length(String name, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + n);
        }
        return n;
    }

    /** {@code array} is not null and holds at least {@code needed} elements. */
    static void holds(String name, float[] array, long needed) {
        Objects.requireNonNull(array, name);
        if (array.length < needed) {
            throw new IndexOutOfBoundsException(name + " must hold at least " + needed + " elements, had " + array.length);
        }
    }

    /** The int version of {@link #holds(String, float[], long)}. */
    static void holds(String name, int[] array, long needed) {
        Objects.requireNonNull(array, name);
        if (array.length < needed) {
            throw new IndexOutOfBoundsException(name + " must hold at least " + needed + " elements, had " + array.length);
        }
    }

    /** A row-major {@code rows x cols} matrix with leading dimension {@code ld} fits in {@code array}. */
    static void matrix(String name, float[] array, int rows, int cols, int ld) {
        length(name + " rows", rows);
        length(name + " cols", cols);
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("the leading dimension of " + name + " must be >= max(1, " + cols + "), was " + ld);
        }
        holds(name, array, rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols);
    }
}
