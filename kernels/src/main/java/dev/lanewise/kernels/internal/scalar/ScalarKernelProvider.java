package dev.lanewise.kernels.internal.scalar;

import dev.lanewise.kernels.internal.KernelSet;
import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.internal.segment.SegmentBlas;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.optim.OptimizerKernels;

/** The plain-Java kernels: the readable reference, and the path taken where the Vector API is unavailable. */
public record ScalarKernelProvider(BlasKernels blas, ActivationKernels activations, LossKernels losses,
        OptimizerKernels optimizers, GemmKernels gemm)
        implements KernelSet {

    /** The one scalar provider. */
    public static final ScalarKernelProvider INSTANCE =
            new ScalarKernelProvider(new ScalarBlas(), new ScalarActivations(), new ScalarLosses(),
                    new ScalarOptimizers(), new ScalarGemm());

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int vectorBitSize() {
        return 0;
    }

    @Override
    public SegmentBlas segmentBlas() {
        return ScalarSegmentBlas.INSTANCE;
    }
}
