package dev.lanewise.kernels.scalar;

import dev.lanewise.kernels.ActivationKernels;
import dev.lanewise.kernels.BlasKernels;
import dev.lanewise.kernels.GemmKernels;
import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.LossKernels;
import dev.lanewise.kernels.OptimizerKernels;

/** The plain-Java kernels: the readable reference, and the path taken where the Vector API is unavailable. */
public record ScalarKernelProvider(BlasKernels blas, ActivationKernels activations, LossKernels losses,
        OptimizerKernels optimizers, GemmKernels gemm)
        implements KernelProvider {

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
}
