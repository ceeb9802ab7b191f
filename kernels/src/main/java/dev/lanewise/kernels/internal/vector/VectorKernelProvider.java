package dev.lanewise.kernels.internal.vector;

import dev.lanewise.kernels.internal.AlignedActivations;
import dev.lanewise.kernels.internal.AlignedOptimizers;
import dev.lanewise.kernels.internal.KernelSet;
import dev.lanewise.kernels.internal.scalar.ScalarOptimizers;
import dev.lanewise.kernels.Kernels;
import dev.lanewise.kernels.activation.ActivationKernels;
import dev.lanewise.kernels.blas.BlasKernels;
import dev.lanewise.kernels.gemm.GemmKernels;
import dev.lanewise.kernels.internal.segment.SegmentBlas;
import dev.lanewise.kernels.loss.LossKernels;
import dev.lanewise.kernels.optim.OptimizerKernels;

/**
 * The Vector API kernels at this copy's width ({@link VectorWidth#BITS}). Every class in this package
 * touches {@code jdk.incubator.vector}, so {@code Kernels} loads this one reflectively, and only after it
 * found the module in the boot layer.
 */
public record VectorKernelProvider(BlasKernels blas, ActivationKernels activations, LossKernels losses,
        OptimizerKernels optimizers, GemmKernels gemm) implements KernelSet {
    // Made while this class initializes, inside VectorProviderLoader's fail-safe net, like the kernels above.
    private static final SegmentBlas SEGMENT_BLAS = new VectorSegmentBlas();

    /** The kernels of this copy of the package. */
    public static VectorKernelProvider create() {
        return new VectorKernelProvider(new VectorBlas(), AlignedActivations.over(new VectorActivations()),
                new VectorLosses(), AlignedOptimizers.over(new VectorOptimizers(), new ScalarOptimizers()), new VectorGemm());
    }

    /** The width the JVM prefers on this CPU and under its flags (for example -XX:MaxVectorSize). */
    public static int preferredBitSize() {
        return VectorWidth.preferredBits();
    }

    @Override
    public String name() {
        return "vector" + VectorWidth.BITS;
    }

    @Override
    public int vectorBitSize() {
        return VectorWidth.BITS;
    }

    @Override
    public SegmentBlas segmentBlas() {
        return SEGMENT_BLAS;
    }
}
