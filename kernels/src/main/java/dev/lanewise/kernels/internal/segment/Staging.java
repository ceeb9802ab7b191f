package dev.lanewise.kernels.internal.segment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Runs an array kernel over segments it cannot read directly (native, read-only or non-float segments),
 * chunk by chunk: each chunk of each operand is copied into a small array, the array kernel runs on those
 * arrays at offset 0, and the chunks of the outputs are copied back.
 *
 * <p>Why chunks of {@value #CHUNK} floats: large enough that the kernel's call and the copies' setup cost
 * next to nothing per element, small enough that the five buffers an optimizer step may need (40 KB) stay
 * in L1 or L2 between the copy in, the kernel and the copy out, so staging adds two cache-speed copies
 * rather than two trips to memory. An elementwise kernel computes each element from that element alone,
 * so a chunked run gives exactly the bits of one call over the whole range; a reduction sums the chunks'
 * results, which changes only its summation order.
 *
 * <p>Rows: a row-wise kernel (softmax) is staged whole rows at a time, {@code CHUNK / cols} rows per chunk,
 * packed densely ({@code ld = cols}) in the buffers; rows wider than {@value #CHUNK} floats are staged one at
 * a time through buffers of one row made for this call only. An elementwise kernel is the case
 * {@code cols = 1}.
 *
 * <p>Use: {@code try (Staging s = Staging.elements(n)) { while (s.next()) { ...s.in(0, x, xOffset)...
 * s.store(1, out, outOffset); } }}. A staging object comes from {@link StagingPool} and goes back on
 * {@link #close()}; one thread uses it at a time.
 */
public final class Staging implements AutoCloseable {
    /** Floats per chunk (and per buffer). */
    public static final int CHUNK = 2048;
    /** Buffers: enough for the operands of any kernel staged (Adam with AMSGrad and RMSprop: five). */
    static final int SLOTS = 5;

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final float[][] buffers;
    private final boolean pooled;
    private long rows;
    private int cols;
    private int rowsPerChunk;
    private long start;
    private int count;

    Staging(int bufferLength, boolean pooled) {
        this.buffers = new float[SLOTS][bufferLength];
        this.pooled = pooled;
    }

    /** Stages {@code n} elements. */
    public static Staging elements(long n) {
        return rows(n, 1);
    }

    /** Stages a {@code rows x cols} matrix, whole rows at a time; {@code cols >= 1}. */
    public static Staging rows(long rows, int cols) {
        Staging staging = cols <= CHUNK ? StagingPool.borrow() : new Staging(cols, false);
        staging.rows = rows;
        staging.cols = cols;
        staging.rowsPerChunk = Math.max(1, CHUNK / cols);
        staging.start = 0;
        staging.count = 0;
        return staging;
    }

    /** Moves to the next chunk; false when every row (element) was staged. */
    public boolean next() {
        start += count;
        if (start >= rows) {
            count = 0;
            return false;
        }
        count = (int) Math.min(rowsPerChunk, rows - start);
        return true;
    }

    /** Rows (elements) in this chunk. */
    public int count() {
        return count;
    }

    /** Index of this chunk's first row (element). */
    public long start() {
        return start;
    }

    /** Buffer {@code slot} filled with this chunk of a contiguous range of {@code segment} at {@code offset}. */
    public float[] in(int slot, MemorySegment segment, long offset) {
        return in(slot, segment, offset, cols);
    }

    /** Buffer {@code slot} filled with this chunk's rows of a matrix at {@code offset} with leading dimension {@code ld}. */
    public float[] in(int slot, MemorySegment segment, long offset, long ld) {
        float[] buffer = buffers[slot];
        long first = offset + start * ld;
        if (ld == cols) {
            MemorySegment.copy(segment, FLOAT, first * Float.BYTES, buffer, 0, count * cols);
        } else {
            for (int r = 0; r < count; r++) {
                MemorySegment.copy(segment, FLOAT, (first + r * ld) * Float.BYTES, buffer, r * cols, cols);
            }
        }
        return buffer;
    }

    /** Buffer {@code slot}, for an output the kernel writes whole. */
    public float[] out(int slot) {
        return buffers[slot];
    }

    /** Copies this chunk of buffer {@code slot} back into a contiguous range of {@code segment} at {@code offset}. */
    public void store(int slot, MemorySegment segment, long offset) {
        store(slot, segment, offset, cols);
    }

    /** Copies this chunk's rows of buffer {@code slot} back into a matrix with leading dimension {@code ld}. */
    public void store(int slot, MemorySegment segment, long offset, long ld) {
        float[] buffer = buffers[slot];
        long first = offset + start * ld;
        if (ld == cols) {
            MemorySegment.copy(buffer, 0, segment, FLOAT, first * Float.BYTES, count * cols);
        } else {
            for (int r = 0; r < count; r++) {
                MemorySegment.copy(buffer, r * cols, segment, FLOAT, (first + r * ld) * Float.BYTES, cols);
            }
        }
    }

    /** Gives the buffers back to the pool (buffers made for one wide-row call are dropped). */
    @Override
    public void close() {
        if (pooled) {
            StagingPool.giveBack(this);
        }
    }
}
