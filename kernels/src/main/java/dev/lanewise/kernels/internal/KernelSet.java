package dev.lanewise.kernels.internal;

import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.internal.segment.SegmentBlas;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.optim.OptimizerKernels;

/**
 * What an implementation supplies: one complete set of kernels, the scalar reference or the vector path at one
 * width. Its instances do not check their arguments; {@link dev.lanewise.kernels.KernelProvider} wraps them in
 * the checking layer before any caller outside this module sees them.
 */
public interface KernelSet {

    /** {@code scalar}, or {@code vector128}, {@code vector256}, {@code vector512}. */
    String name();

    /** The vector width in bits, or 0 for the scalar path. */
    int vectorBitSize();

    /** BLAS level-1 operations and reductions. */
    BlasKernels blas();

    /** Activation functions, forward and backward, and row-wise softmax. */
    ActivationKernels activations();

    /** Losses with their gradients in one pass. */
    LossKernels losses();

    /** Optimizer updates (SGD, Adam, ...) and gradient transforms, each one fused pass. */
    OptimizerKernels optimizers();

    /** Matrix-vector and matrix-matrix products. */
    GemmKernels gemm();

    /** The BLAS-1 kernels that read and write memory segments directly (dot, axpy, scal, sum). */
    SegmentBlas segmentBlas();
}
