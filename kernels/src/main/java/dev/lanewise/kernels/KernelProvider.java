package dev.lanewise.kernels;

import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.internal.KernelSet;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.optim.OptimizerKernels;
import java.util.Objects;

/**
 * One complete set of kernels a caller can use directly: the scalar reference, or the vector path at one
 * width. {@link Kernels} chooses the one the static facades use, and hands out any of them by name for tests
 * and benchmarks. Every instance obtained here checks its arguments, as the facades do.
 */
public final class KernelProvider {
    private final KernelSet kernels;

    KernelProvider(KernelSet kernels) {
        this.kernels = Objects.requireNonNull(kernels, "kernels");
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
        return kernels.blas();
    }

    /** Activation functions, forward and backward, and row-wise softmax. */
    public ActivationKernels activations() {
        return kernels.activations();
    }

    /** Losses with their gradients in one pass. */
    public LossKernels losses() {
        return kernels.losses();
    }

    /** Optimizer updates (SGD, Adam, ...) and gradient transforms, each one fused pass. */
    public OptimizerKernels optimizers() {
        return kernels.optimizers();
    }

    /** Matrix-vector and matrix-matrix products. */
    public GemmKernels gemm() {
        return kernels.gemm();
    }

    @Override
    public String toString() {
        return name();
    }
}
