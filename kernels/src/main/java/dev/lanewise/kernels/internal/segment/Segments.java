package dev.lanewise.kernels.internal.segment;

import java.lang.foreign.MemorySegment;

/**
 * Finds the array behind a heap segment, so that a segment over a {@code float[]} runs the array kernel on
 * that array in place: zero copy, the same kernel, the same bits.
 *
 * <p>Only a writable segment shows its array ({@link MemorySegment#heapBase()} is empty for a read-only one,
 * so that no one can write through it); a read-only heap segment is therefore staged like a native one.
 * A checked segment is aligned to 4 bytes, so its {@link MemorySegment#address()}, which for a heap segment
 * is its byte offset in the array, is a multiple of 4.
 */
public final class Segments {
    private Segments() {}

    /** The {@code float[]} behind {@code segment}, or null where it is native, read-only or over another type. */
    public static float[] floats(MemorySegment segment) {
        return heapBase(segment) instanceof float[] array ? array : null;
    }

    /** The {@code int[]} behind {@code segment}, or null where it is native, read-only or over another type. */
    public static int[] ints(MemorySegment segment) {
        return heapBase(segment) instanceof int[] array ? array : null;
    }

    /**
     * {@code heapBase()} returns a new {@code Optional} for a writable heap segment, which C2 removes only where
     * it inlines the call. Measured (JDK 25, AVX-512): a program passing only heap or only native segments, or
     * both in alternation, allocates nothing per call; where a hot call site was compiled while only native
     * segments came by and heap segments follow, C2 may judge the heap branch too rare to inline, and each heap
     * operand then costs a 16-byte Optional per call. Asking {@code isNative()} first changed nothing in those
     * measurements, so the code stays plain.
     */
    private static Object heapBase(MemorySegment segment) {
        return segment.heapBase().orElse(null);
    }

    /**
     * The index in the backing array of element {@code offset} of a heap segment over a {@code float[]} or an
     * {@code int[]}; checked bounds keep it inside the array, so inside an int.
     */
    public static int index(MemorySegment heapSegment, long offset) {
        return (int) (heapSegment.address() / Float.BYTES + offset);
    }
}
