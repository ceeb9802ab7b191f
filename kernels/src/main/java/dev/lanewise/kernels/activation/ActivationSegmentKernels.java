package dev.lanewise.kernels.activation;

import java.lang.foreign.MemorySegment;

/**
 * {@link ActivationKernels} on {@link MemorySegment}s, heap or native, so that off-heap data needs no copy by
 * the caller. Each method is the array form of the same name: the same semantics, the same checks, the same
 * kernels underneath. Softmax and log-softmax take {@code long rows}, {@code int cols} (a row is at most an
 * array's length) and a {@code long} leading dimension.
 *
 * <h2>Segments</h2>
 * Lengths and offsets count floats, not bytes: {@code x[i]} is the float at byte {@code 4 * (xOffset + i)} of
 * {@code x}, in native byte order ({@link java.lang.foreign.ValueLayout#JAVA_FLOAT}). Every instance a caller
 * can obtain ({@link dev.lanewise.kernels.KernelProvider#activationSegments()}), like the facade
 * {@link Activations}, checks every argument before it writes anything: a null segment throws
 * {@link NullPointerException} naming it; a negative offset or a range past the segment's end
 * {@link IndexOutOfBoundsException}; a negative length, a leading dimension below {@code max(1, cols)}, a
 * non-finite {@code negativeSlope} or {@code alpha}, a segment not aligned to 4 bytes
 * ({@link MemorySegment#maxByteAlignment()} below 4, such as a heap segment over a {@code byte[]}) and a
 * read-only segment given as an output {@link IllegalArgumentException}, as the JDK does for such accesses;
 * a segment whose arena is closed {@link IllegalStateException} and one confined to another thread
 * {@link WrongThreadException}. An output may be an input at the same offset (in-place); partial overlap is
 * undefined.
 *
 * <h2>How they run, and what they give</h2>
 * Where every operand is a writable heap segment over a {@code float[]}, the array kernel runs on those
 * arrays at the segments' positions: zero copy. Otherwise (native segments, read-only ones, heap segments
 * over other arrays, or a mix) the operands are copied through small buffers in chunks of 2,048 floats
 * (softmax: whole rows at a time; a row wider than that through buffers of one row, made for the call) and
 * the array kernel runs on each chunk. Every function computes each element (each softmax row) from that
 * element (row) alone, so both ways give exactly the array form's bits.
 */
public interface ActivationSegmentKernels {

    /** {@link ActivationKernels#identity} on segments. */
    void identity(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#identityBackward} on segments; {@code saved} is the forward input x. */
    void identityBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#relu} on segments. */
    void relu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#reluBackward} on segments; {@code saved} is the forward input x. */
    void reluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#leakyRelu} on segments. */
    void leakyRelu(long n, float negativeSlope, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#leakyReluBackward} on segments; {@code saved} is the forward input x. */
    void leakyReluBackward(long n, float negativeSlope, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#elu} on segments. */
    void elu(long n, float alpha, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#eluBackward} on segments; {@code saved} is the forward input x. */
    void eluBackward(long n, float alpha, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#sigmoid} on segments. */
    void sigmoid(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#sigmoidBackward} on segments; {@code saved} is the forward output y. */
    void sigmoidBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#tanh} on segments. */
    void tanh(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#tanhBackward} on segments; {@code saved} is the forward output y. */
    void tanhBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#gelu} on segments. */
    void gelu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#geluBackward} on segments; {@code saved} is the forward input x. */
    void geluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#geluTanh} on segments. */
    void geluTanh(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#geluTanhBackward} on segments; {@code saved} is the forward input x. */
    void geluTanhBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#silu} on segments. */
    void silu(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#siluBackward} on segments; {@code saved} is the forward input x. */
    void siluBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#softplus} on segments. */
    void softplus(long n, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#softplusBackward} on segments; {@code saved} is the forward input x. */
    void softplusBackward(long n, MemorySegment gradOut, long gradOutOffset, MemorySegment saved, long savedOffset,
            MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#softmax} on segments: row-wise softmax of a row-major {@code rows x cols} matrix. */
    void softmax(long rows, int cols, long ld, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#softmaxBackward} on segments; {@code y} is the saved forward output. */
    void softmaxBackward(long rows, int cols, long ld, MemorySegment gradOut, long gradOutOffset, MemorySegment y,
            long yOffset, MemorySegment gradIn, long gradInOffset);

    /** {@link ActivationKernels#logSoftmax} on segments: row-wise log-softmax of a row-major {@code rows x cols} matrix. */
    void logSoftmax(long rows, int cols, long ld, MemorySegment x, long xOffset, MemorySegment out, long outOffset);

    /** {@link ActivationKernels#logSoftmaxBackward} on segments; {@code y} is the saved forward output. */
    void logSoftmaxBackward(long rows, int cols, long ld, MemorySegment gradOut, long gradOutOffset, MemorySegment y,
            long yOffset, MemorySegment gradIn, long gradInOffset);
}
