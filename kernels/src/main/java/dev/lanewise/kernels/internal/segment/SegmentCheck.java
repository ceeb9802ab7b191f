package dev.lanewise.kernels.internal.segment;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Argument checks for the memory-segment overloads, the counterpart of {@code Check} for arrays. Lengths and
 * offsets count elements (floats, or ints for labels), never bytes. Each failure names the argument and the
 * value: {@link NullPointerException} for a null segment; {@link IndexOutOfBoundsException} for a negative
 * offset or a range past the segment's end; {@link IllegalArgumentException} for a negative length, a
 * segment not aligned to 4 bytes (its {@link MemorySegment#maxByteAlignment()} below 4: no float or int of
 * it could be read with {@code JAVA_FLOAT} or {@code JAVA_INT}, for example a heap segment over a
 * {@code byte[]}, or one sliced at an odd byte) and for a read-only segment given as an output (the
 * exceptions the JDK throws for those accesses); {@link IllegalStateException} for a segment whose arena is
 * closed and {@link WrongThreadException} for one confined to another thread, so that such a call fails
 * before its first write rather than between two.
 */
public final class SegmentCheck {
    private SegmentCheck() {}

    /** Refuses a negative length. */
    public static void length(String name, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + n);
        }
    }

    /** Refuses a length below {@code min}. */
    public static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    /** Checks that floats {@code [offset, offset + n)} of {@code segment} can be read; {@code n} already checked. */
    public static void input(String name, MemorySegment segment, long offset, long n) {
        usable(name, segment);
        range(name, segment.byteSize() / Float.BYTES, "floats", offset, n);
    }

    /** Checks that floats {@code [offset, offset + n)} of {@code segment} can be read and written. */
    public static void output(String name, MemorySegment segment, long offset, long n) {
        input(name, segment, offset, n);
        writable(name, segment);
    }

    /** Checks that ints {@code [offset, offset + n)} of {@code segment} can be read. */
    public static void ints(String name, MemorySegment segment, long offset, long n) {
        usable(name, segment);
        range(name, segment.byteSize() / Integer.BYTES, "ints", offset, n);
    }

    /**
     * Checks that a row-major {@code rows x cols} float matrix with leading dimension {@code ld} at
     * {@code offset} can be read; the rules of {@code Check.matrix}.
     */
    public static void matrixInput(String name, MemorySegment segment, long offset, long rows, int cols, long ld) {
        usable(name, segment);
        length(name + " rows", rows);
        length(name + " cols", cols);
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
        long floats = segment.byteSize() / Float.BYTES;
        // offset + (rows - 1) * ld + cols, refused where it overflows a long as where it exceeds the segment.
        long last;
        try {
            last = Math.addExact(Math.addExact(offset, Math.multiplyExact(rows - 1, ld)), cols);
        } catch (ArithmeticException e) {
            last = Long.MAX_VALUE;
        }
        if (last > floats) {
            throw new IndexOutOfBoundsException(name + ": " + rows + "x" + cols + " matrix at offset " + offset
                    + " with leading dimension " + ld + " needs " + (last == Long.MAX_VALUE ? "more than 2^63" : last)
                    + " floats, has " + floats);
        }
    }

    /** {@link #matrixInput} for a matrix that is also written. */
    public static void matrixOutput(String name, MemorySegment segment, long offset, long rows, int cols, long ld) {
        matrixInput(name, segment, offset, rows, cols, ld);
        writable(name, segment);
    }

    private static void usable(String name, MemorySegment segment) {
        Objects.requireNonNull(segment, name);
        if (segment.maxByteAlignment() < Float.BYTES) {
            throw new IllegalArgumentException(name + " must be aligned to 4 bytes, was aligned to "
                    + segment.maxByteAlignment() + " (" + segment + ")");
        }
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException(name + ": its arena is already closed");
        }
        if (!segment.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException(name + " is confined to another thread than " + Thread.currentThread());
        }
    }

    private static void writable(String name, MemorySegment segment) {
        if (segment.isReadOnly()) {
            throw new IllegalArgumentException(name + " is written, so it must not be a read-only segment");
        }
    }

    private static void range(String name, long length, String unit, long offset, long n) {
        if (offset < 0) {
            throw new IndexOutOfBoundsException(name + " offset must be >= 0, was " + offset);
        }
        if (n > length || offset > length - n) {
            throw new IndexOutOfBoundsException(
                    name + ": offset " + offset + " + length " + n + " exceeds its length " + length + " " + unit);
        }
    }
}
