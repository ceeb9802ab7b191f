package dev.lanewise.model.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row-major dense {@code float} matrix view: element {@code (r, c)} lives at
 * {@code data()[offset() + r * ld() + c]}.
 *
 * <p>These are exactly the arguments a BLAS-style GEMM takes ({@code a, aOff, lda}), so a matrix can be
 * handed to the kernels without copying. A matrix is a <em>view</em>: several matrices may share one
 * array (see {@link #rowRange}), writes through one are seen by all, and there is no {@code equals}
 * (two views are the same only if they are the same object). Only the shape is immutable.
 *
 * <p>{@link #get} and {@link #set} check their indices; hot loops should use {@link #data()},
 * {@link #offset()} and {@link #ld()} directly.
 */
public final class Matrix {
    private final float[] data;
    private final int offset;
    private final int rows;
    private final int cols;
    private final int ld;

    // Unchecked: every public path checks the bounds before it gets here.
    private Matrix(float[] data, int offset, int rows, int cols, int ld) {
        this.data = data;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.ld = ld;
    }

    /** A new {@code rows x cols} matrix of zeros on its own array ({@code ld = cols}, offset 0). */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(new float[denseLength(rows, cols)], 0, rows, cols, cols);
    }

    /**
     * A view of a whole array as a dense {@code rows x cols} matrix ({@code ld = cols}, offset 0).
     *
     * @throws IllegalArgumentException unless {@code data.length == rows * cols}
     */
    public static Matrix wrap(float[] data, int rows, int cols) {
        Objects.requireNonNull(data, "data");
        int length = denseLength(rows, cols);
        if (data.length != length) {
            throw new IllegalArgumentException(
                    "data.length must be rows * cols = " + rows + " * " + cols + " = " + length + ", was " + data.length);
        }
        return new Matrix(data, 0, rows, cols, cols);
    }

    /**
     * A view of {@code rows x cols} elements of {@code data}, row {@code r} starting at {@code offset + r * ld}.
     *
     * @throws IllegalArgumentException if a size is negative, {@code ld < cols}, or the view reaches outside
     *                                  {@code data}; the message names the argument and its value
     */
    public static Matrix view(float[] data, int offset, int rows, int cols, int ld) {
        Objects.requireNonNull(data, "data");
        requireNonNegative("rows", rows);
        requireNonNegative("cols", cols);
        requireNonNegative("offset", offset);
        if (ld < cols) {
            throw new IllegalArgumentException("ld must be >= cols (" + cols + "), was " + ld);
        }
        // An empty view touches no element, but its offset must still be a position in the array.
        long end = rows == 0 || cols == 0 ? offset : offset + (long) (rows - 1) * ld + cols;
        if (end > data.length) {
            throw new IllegalArgumentException("view (offset " + offset + ", rows " + rows + ", cols " + cols
                    + ", ld " + ld + ") needs data.length >= " + end + ", was " + data.length);
        }
        return new Matrix(data, offset, rows, cols, ld);
    }

    /** The backing array (shared, not copied). */
    public float[] data() {
        return data;
    }

    /** Index in {@link #data()} of element {@code (0, 0)}. */
    public int offset() {
        return offset;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Leading dimension: the distance in {@link #data()} between the starts of two consecutive rows. */
    public int ld() {
        return ld;
    }

    /** Whether the rows follow each other without gaps ({@code ld == cols}), so the matrix is one run. */
    public boolean isDense() {
        return ld == cols;
    }

    /** Index in {@link #data()} of element {@code (r, c)}: {@code offset + r * ld + c}. */
    public int index(int r, int c) {
        Objects.checkIndex(r, rows);
        Objects.checkIndex(c, cols);
        return offset + r * ld + c;
    }

    /** Element {@code (r, c)}. */
    public float get(int r, int c) {
        return data[index(r, c)];
    }

    /** Sets element {@code (r, c)} to {@code value}. */
    public void set(int r, int c, float value) {
        data[index(r, c)] = value;
    }

    /**
     * Rows {@code [from, to)} as a view on the same array: no copy, writes are shared.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= rows()}
     */
    public Matrix rowRange(int from, int to) {
        if (from < 0 || from > to || to > rows) {
            throw new IllegalArgumentException(
                    "rowRange [from, to) must lie within [0, " + rows + "], was [" + from + ", " + to + ")");
        }
        return new Matrix(data, offset + from * ld, to - from, cols, ld);
    }

    /** A dense copy on a new array ({@code ld = cols}, offset 0). */
    public Matrix copy() {
        return new Matrix(toArray(), 0, rows, cols, cols);
    }

    /** The elements in row-major order on a new array of length {@code rows * cols}. */
    public float[] toArray() {
        float[] out = new float[rows * cols];
        if (isDense()) {
            System.arraycopy(data, offset, out, 0, out.length);
        } else {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data, offset + r * ld, out, r * cols, cols);
            }
        }
        return out;
    }

    /** Row {@code r} on a new array of length {@code cols}. */
    public float[] row(int r) {
        Objects.checkIndex(r, rows);
        return Arrays.copyOfRange(data, offset + r * ld, offset + r * ld + cols);
    }

    /** The shape and layout, not the elements. */
    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + ", offset " + offset + ", ld " + ld + "]";
    }

    private static int denseLength(int rows, int cols) {
        requireNonNegative("rows", rows);
        requireNonNegative("cols", cols);
        long length = (long) rows * cols;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rows * cols must fit an array, was " + rows + " * " + cols + " = " + length);
        }
        return (int) length;
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }
}
