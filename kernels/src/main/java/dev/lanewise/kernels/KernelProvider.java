package dev.lanewise.kernels;

import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.activation.ActivationSegmentKernels;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.blas.BlasSegmentKernels;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.internal.CheckedActivations;
import dev.lanewise.kernels.internal.CheckedBlas;
import dev.lanewise.kernels.internal.CheckedGemm;
import dev.lanewise.kernels.internal.CheckedLosses;
import dev.lanewise.kernels.internal.CheckedOptimizers;
import dev.lanewise.kernels.internal.KernelSet;
import dev.lanewise.kernels.internal.segment.CheckedActivationSegments;
import dev.lanewise.kernels.internal.segment.CheckedBlasSegments;
import dev.lanewise.kernels.internal.segment.CheckedLossSegments;
import dev.lanewise.kernels.internal.segment.CheckedOptimizerSegments;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.loss.LossSegmentKernels;
import dev.lanewise.kernels.optim.OptimizerKernels;
import dev.lanewise.kernels.optim.OptimizerSegmentKernels;
import java.util.Objects;

/**
 * One complete set of kernels a caller can use directly: the scalar reference, or the vector path at one
 * width. {@link Kernels} chooses the one the static facades use, and hands out any of them by name for tests
 * and benchmarks. Every instance obtained here checks its arguments before it writes anything, as the facades
 * do (they call these same instances): a null array throws {@link NullPointerException}, a range outside
 * its array {@link IndexOutOfBoundsException}, any other bad argument {@link IllegalArgumentException}.
 */
public final class KernelProvider {
    private final KernelSet kernels;
    // Each family wrapped once, here, in its checking layer (netlib's rule: no caller sees unchecked kernels).
    private final BlasKernels blas;
    private final ActivationKernels activations;
    private final LossKernels losses;
    private final OptimizerKernels optimizers;
    private final GemmKernels gemm;
    // The MemorySegment forms, checked too, over the same unchecked kernels.
    private final BlasSegmentKernels blasSegments;
    private final ActivationSegmentKernels activationSegments;
    private final LossSegmentKernels lossSegments;
    private final OptimizerSegmentKernels optimizerSegments;

    KernelProvider(KernelSet kernels) {
        this.kernels = Objects.requireNonNull(kernels, "kernels");
        this.blas = new CheckedBlas(kernels.blas());
        this.activations = new CheckedActivations(kernels.activations());
        this.losses = new CheckedLosses(kernels.losses());
        this.optimizers = new CheckedOptimizers(kernels.optimizers());
        this.gemm = new CheckedGemm(kernels.gemm());
        this.blasSegments = new CheckedBlasSegments(kernels.blas(), kernels.segmentBlas());
        this.activationSegments = new CheckedActivationSegments(kernels.activations());
        this.lossSegments = new CheckedLossSegments(kernels.losses());
        this.optimizerSegments = new CheckedOptimizerSegments(kernels.optimizers());
    }

    /** {@code scalar}, or {@code vector128}, {@code vector256}, {@code vector512}. */
    public String name() {
        return kernels.name();
    }

    /** The vector width in bits, or 0 for the scalar path. */
    public int vectorBitSize() {
        return kernels.vectorBitSize();
    }

    /** BLAS level-1 operations and reductions. */
    public BlasKernels blas() {
        return blas;
    }

    /** Activation functions, forward and backward, and row-wise softmax. */
    public ActivationKernels activations() {
        return activations;
    }

    /** Losses with their gradients in one pass. */
    public LossKernels losses() {
        return losses;
    }

    /** Optimizer updates (SGD, Adam, ...) and gradient transforms, each one fused pass. */
    public OptimizerKernels optimizers() {
        return optimizers;
    }

    /** Matrix-vector and matrix-matrix products. */
    public GemmKernels gemm() {
        return gemm;
    }

    /** {@link #blas()} on {@link java.lang.foreign.MemorySegment}s, heap or native. */
    public BlasSegmentKernels blasSegments() {
        return blasSegments;
    }

    /** {@link #activations()} on {@link java.lang.foreign.MemorySegment}s, heap or native. */
    public ActivationSegmentKernels activationSegments() {
        return activationSegments;
    }

    /** {@link #losses()} on {@link java.lang.foreign.MemorySegment}s, heap or native. */
    public LossSegmentKernels lossSegments() {
        return lossSegments;
    }

    /** {@link #optimizers()} on {@link java.lang.foreign.MemorySegment}s, heap or native. */
    public OptimizerSegmentKernels optimizerSegments() {
        return optimizerSegments;
    }

    @Override
    public String toString() {
        return name();
    }
}
