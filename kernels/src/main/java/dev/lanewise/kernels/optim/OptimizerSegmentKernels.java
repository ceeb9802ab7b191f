package dev.lanewise.kernels.optim;

import java.lang.foreign.MemorySegment;

/**
 * {@link OptimizerKernels} on {@link MemorySegment}s, heap or native, so that parameters, gradients and
 * optimizer state kept off-heap need no copy by the caller. Each method is the array form of the same name:
 * the same algorithm (PyTorch's, with its hyperparameter names), the same checks, the same kernels
 * underneath, and, like the array form, no skipping of non-finite gradients (the facade {@link Optimizers}
 * skips them).
 *
 * <h2>Segments</h2>
 * Lengths and offsets count floats, not bytes: {@code param[i]} is the float at byte
 * {@code 4 * (paramOffset + i)}, in native byte order ({@link java.lang.foreign.ValueLayout#JAVA_FLOAT}). Every
 * instance a caller can obtain ({@link dev.lanewise.kernels.KernelProvider#optimizerSegments()}), like the
 * facades, checks every argument before it writes anything: a null segment or configuration throws
 * {@link NullPointerException} naming it; a negative offset or a range past the segment's end
 * {@link IndexOutOfBoundsException}; a negative {@code n}, {@code step < 1}, a NAdam {@code muProduct}
 * outside (0, 1], a negative or non-finite {@code clip} or {@code lambda}, a segment not aligned to 4 bytes
 * ({@link MemorySegment#maxByteAlignment()} below 4) and a read-only segment that the step writes (the
 * parameters, the state) {@link IllegalArgumentException}; a segment whose arena is closed
 * {@link IllegalStateException} and one confined to another thread {@link WrongThreadException}. State
 * buffers the configuration does not use may be null and are neither checked nor touched. Segments must not
 * overlap one another.
 *
 * <h2>How they run, and what they give</h2>
 * Where every segment the step uses is a writable heap segment over a {@code float[]}, the array kernel runs
 * on those arrays at the segments' positions: zero copy. Otherwise (native segments, read-only ones, heap
 * segments over other arrays, or a mix) the operands are copied through small buffers in chunks of 2,048
 * floats and the array kernel runs on each chunk. Every update is elementwise (its per-step scalars depend on
 * the configuration and the step only), so both ways give exactly the array form's bits, parameters and
 * state alike; so do {@link #clipByValue}, the gradients of the penalties and {@link #allFinite}. The values
 * the penalties return are summed per chunk in double and rounded once: within 2 ulps of the array form's
 * (its bits where {@code n <= 2048}).
 */
public interface OptimizerSegmentKernels {

    /** {@link OptimizerKernels#sgd} on segments; {@code buf} may be null without momentum. */
    void sgd(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset, MemorySegment buf,
            long bufOffset, SgdConfig config, long step);

    /** {@link OptimizerKernels#adagrad} on segments. */
    void adagrad(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset, MemorySegment sum,
            long sumOffset, AdagradConfig config, long step);

    /**
     * {@link OptimizerKernels#rmsprop} on segments; {@code gradAvg} may be null unless centered, {@code buf}
     * unless momentum &gt; 0.
     */
    void rmsprop(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment squareAvg, long squareAvgOffset, MemorySegment gradAvg, long gradAvgOffset, MemorySegment buf,
            long bufOffset, RmspropConfig config);

    /** {@link OptimizerKernels#adadelta} on segments. */
    void adadelta(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset,
            MemorySegment squareAvg, long squareAvgOffset, MemorySegment accDelta, long accDeltaOffset,
            AdadeltaConfig config);

    /** {@link OptimizerKernels#adam} (Adam or AdamW) on segments; {@code vMax} may be null without amsgrad. */
    void adam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset, MemorySegment m,
            long mOffset, MemorySegment v, long vOffset, MemorySegment vMax, long vMaxOffset, AdamConfig config,
            long step);

    /** {@link OptimizerKernels#adamax} on segments; {@code u} is PyTorch's {@code exp_inf}. */
    void adamax(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset, MemorySegment m,
            long mOffset, MemorySegment u, long uOffset, AdamaxConfig config, long step);

    /**
     * {@link OptimizerKernels#nadam} on segments.
     *
     * @param muProduct the product mu_1 ... mu_{t-1} (1 on the first step), PyTorch's {@code mu_product}
     * @return the product mu_1 ... mu_t, to pass to the next step
     */
    double nadam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset, MemorySegment m,
            long mOffset, MemorySegment v, long vOffset, NAdamConfig config, long step, double muProduct);

    /** {@link OptimizerKernels#radam} on segments. */
    void radam(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset, MemorySegment m,
            long mOffset, MemorySegment v, long vOffset, RAdamConfig config, long step);

    /** {@link OptimizerKernels#lion} on segments. */
    void lion(long n, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset, MemorySegment m,
            long mOffset, LionConfig config);

    /** {@link OptimizerKernels#clipByValue} on a segment. */
    void clipByValue(long n, MemorySegment grad, long gradOffset, float clip);

    /** {@link OptimizerKernels#l2Penalty} on segments: returns lambda/2 * sum theta^2, adds lambda * theta to grad. */
    float l2Penalty(long n, float lambda, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset);

    /** {@link OptimizerKernels#l1Penalty} on segments: returns lambda * sum |theta|, adds lambda * sign(theta). */
    float l1Penalty(long n, float lambda, MemorySegment param, long paramOffset, MemorySegment grad, long gradOffset);

    /** Whether no element is NaN or infinite. */
    boolean allFinite(long n, MemorySegment x, long xOffset);
}
