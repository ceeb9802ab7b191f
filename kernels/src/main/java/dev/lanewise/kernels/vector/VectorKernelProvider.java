package dev.lanewise.kernels.vector;

import dev.lanewise.kernels.ActivationKernels;
import dev.lanewise.kernels.BlasKernels;
import dev.lanewise.kernels.GemmKernels;
import dev.lanewise.kernels.KernelProvider;
import dev.lanewise.kernels.LossKernels;
import dev.lanewise.kernels.OptimizerKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels at one width. Every class in this package touches {@code jdk.incubator.vector},
 * so {@code Kernels} loads this one reflectively, and only after it found the module in the boot layer.
 */
public record VectorKernelProvider(
        VectorSpecies<Float> species, BlasKernels blas, ActivationKernels activations, LossKernels losses,
        OptimizerKernels optimizers, GemmKernels gemm)
        implements KernelProvider {

    /** The provider at {@code bits} (128, 256 or 512); wider than the hardware's runs emulated, slow but exact. */
    public static VectorKernelProvider create(int bits) {
        VectorSpecies<Float> species = VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
        return new VectorKernelProvider(
                species, VectorBlas.of(species), new VectorActivations(species), new VectorLosses(species),
                VectorOptimizers.of(species), VectorGemm.of(species));
    }

    /** The width the JVM prefers on this CPU and under its flags (for example -XX:MaxVectorSize). */
    public static int preferredBitSize() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    @Override
    public String name() {
        return "vector" + species.vectorBitSize();
    }

    @Override
    public int vectorBitSize() {
        return species.vectorBitSize();
    }
}
