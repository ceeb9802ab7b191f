package dev.lanewise.harness.segment;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The kinds of segment every overload is tried on, each reaching the kernels by its own road: a heap segment
 * over exactly the data (the array kernel in place), a heap segment sliced a few floats into a larger array
 * (the array kernel at a shifted index), a native segment whose address is 4 modulo 16 (staged, or the segment
 * kernels; vectors load across 16-byte boundaries), and read-only heap inputs with native outputs (a read-only
 * heap segment hides its array, so this stages heap memory).
 */
enum SegmentKind {
    HEAP, HEAP_SLICED, NATIVE, READ_ONLY_INPUTS;

    /** Floats of padding in front of a sliced heap segment's data. */
    private static final int PAD = 3;

    /** A segment holding a copy of {@code data}, to be read only. */
    MemorySegment in(Arena arena, float[] data) {
        return this == READ_ONLY_INPUTS ? MemorySegment.ofArray(data.clone()).asReadOnly() : out(arena, data);
    }

    /** A writable segment holding a copy of {@code data}. */
    MemorySegment out(Arena arena, float[] data) {
        return switch (this) {
            case HEAP -> MemorySegment.ofArray(data.clone());
            case HEAP_SLICED -> {
                float[] big = new float[data.length + PAD + 2];
                System.arraycopy(data, 0, big, PAD, data.length);
                yield MemorySegment.ofArray(big).asSlice((long) PAD * Float.BYTES, (long) data.length * Float.BYTES);
            }
            case NATIVE, READ_ONLY_INPUTS -> {
                MemorySegment s = arena.allocate((long) data.length * Float.BYTES + Float.BYTES, 16).asSlice(Float.BYTES);
                MemorySegment.copy(data, 0, s, ValueLayout.JAVA_FLOAT, 0, data.length);
                yield s;
            }
        };
    }

    /** A segment holding a copy of the ints {@code data}, to be read only. */
    MemorySegment ints(Arena arena, int[] data) {
        return switch (this) {
            case HEAP -> MemorySegment.ofArray(data.clone());
            case HEAP_SLICED -> {
                int[] big = new int[data.length + PAD];
                System.arraycopy(data, 0, big, PAD, data.length);
                yield MemorySegment.ofArray(big).asSlice((long) PAD * Integer.BYTES);
            }
            case NATIVE -> {
                MemorySegment s = arena.allocate((long) data.length * Integer.BYTES + Integer.BYTES, 16)
                        .asSlice(Integer.BYTES);
                MemorySegment.copy(data, 0, s, ValueLayout.JAVA_INT, 0, data.length);
                yield s;
            }
            case READ_ONLY_INPUTS -> MemorySegment.ofArray(data.clone()).asReadOnly();
        };
    }

    /** Whether every operand is a writable heap segment over a float[]: the array kernel runs in place. */
    boolean inPlace() {
        return this == HEAP || this == HEAP_SLICED;
    }

    /** The first {@code length} floats of {@code segment}. */
    static float[] read(MemorySegment segment, int length) {
        float[] out = new float[length];
        MemorySegment.copy(segment, ValueLayout.JAVA_FLOAT, 0, out, 0, length);
        return out;
    }
}
