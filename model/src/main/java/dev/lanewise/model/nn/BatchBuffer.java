package dev.lanewise.model.nn;

import dev.lanewise.model.data.Matrix;

/**
 * A layer's buffer of {@code rows x cols} floats that grows to the largest batch and hands out views of the
 * first rows. It keeps the views of the last two batch sizes, because a training epoch alternates between
 * the full batch size and one shorter last batch: in steady state {@link #rows} allocates nothing.
 */
public final class BatchBuffer {
    private final int cols;
    private float[] data = new float[0];
    private Matrix recent;
    private Matrix older;

    public BatchBuffer(int cols) {
        if (cols < 1) {
            throw new IllegalArgumentException("cols must be >= 1, was " + cols);
        }
        this.cols = cols;
    }

    /** A dense {@code rows x cols} view of this buffer; its contents are whatever was written last. */
    public Matrix rows(int rows) {
        if (recent != null && recent.rows() == rows) {
            return recent;
        }
        if (older != null && older.rows() == rows) {
            Matrix hit = older;
            older = recent;
            recent = hit;
            return hit;
        }
        long needed = (long) rows * cols;
        if (needed > data.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a batch of " + rows + " rows x " + cols + " columns is too large");
            }
            data = new float[(int) needed];
            recent = null;
            older = null;
        }
        Matrix view = Matrix.view(data, 0, rows, cols, cols);
        older = recent;
        recent = view;
        return view;
    }
}
